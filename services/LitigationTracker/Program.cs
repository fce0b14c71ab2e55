using LitigationTracker;

LitigationSettings settings;
try
{
    settings = LitigationSettings.FromEnvironment();
}
catch (SettingsException e)
{
    await Console.Error.WriteLineAsync(e.Message);
    return 2;
}

var app = LitigationApp.Build(settings, args);
await app.RunAsync();
return 0;
