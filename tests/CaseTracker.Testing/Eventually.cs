namespace CaseTracker.Testing;

/// <summary>Bounded waits: poll a condition until it holds or the time is up (then the test fails with what was seen).</summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(20);

    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> holds, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var value = await probe();
            if (holds(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}; last seen: {value}");
            }

            await Task.Delay(50);
        }
    }
}
