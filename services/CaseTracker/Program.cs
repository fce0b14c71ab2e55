using CaseTracker.Cli;

Console.OutputEncoding = System.Text.Encoding.UTF8;
return await CliApp.Build().Parse(args).InvokeAsync();
