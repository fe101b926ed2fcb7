using DualWrite.Cli;

return await DualWriteCommand.Create().Parse(args).InvokeAsync(DualWriteCommand.Invocation);
