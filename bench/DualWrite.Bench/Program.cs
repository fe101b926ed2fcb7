using DualWrite.Bench;

return await BenchCommand.Create().Parse(args).InvokeAsync();
