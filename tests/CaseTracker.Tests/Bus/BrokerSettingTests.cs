using CaseTracker.Bus;
using CaseTracker.Composition;
using CaseTracker.Pipeline;

namespace CaseTracker.Tests.Bus;

[Collection(nameof(BrokerSettingTests))]
[CollectionDefinition(nameof(BrokerSettingTests), DisableParallelization = true)]
public sealed class BrokerSettingTests
{
    [Fact]
    public void The_bus_is_off_without_CASETRACKER_RABBITMQ_and_a_malformed_address_is_refused_in_Chinese()
    {
        var saved = Environment.GetEnvironmentVariable(CaseTrackerBus.BrokerVariable);
        try
        {
            Environment.SetEnvironmentVariable(CaseTrackerBus.BrokerVariable, null);
            Assert.Null(CaseTrackerBus.BrokerFrom(CaseTrackerConfiguration.FromEnvironment()));

            Environment.SetEnvironmentVariable(CaseTrackerBus.BrokerVariable, "amqp://guest:guest@mq.example:5672/cases");
            Assert.Equal(new Uri("amqp://guest:guest@mq.example:5672/cases"), CaseTrackerBus.BrokerFrom(CaseTrackerConfiguration.FromEnvironment()));

            Environment.SetEnvironmentVariable(CaseTrackerBus.BrokerVariable, "mq.example:5672");
            var error = Assert.Throws<UserError>(() => CaseTrackerBus.BrokerFrom(CaseTrackerConfiguration.FromEnvironment()));
            Assert.Equal("CASETRACKER_RABBITMQ", error.Field);
            Assert.StartsWith("环境变量 CASETRACKER_RABBITMQ“mq.example:5672”不是有效的 RabbitMQ 地址", error.Message);
        }
        finally
        {
            Environment.SetEnvironmentVariable(CaseTrackerBus.BrokerVariable, saved);
        }
    }
}
