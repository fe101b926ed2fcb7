using DualWrite.Cli;

return await DualWriteCommand.InvokeAsync(args);
