using LitigationTracker;

var app = LitigationApp.Build(LitigationSettings.FromEnvironment(), args);
await app.RunAsync();
