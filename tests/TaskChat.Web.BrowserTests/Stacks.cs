namespace TaskChat.Web.BrowserTests;

/// <summary>
/// One launched stack for every test that leaves it as it found it (each signs up its own user):
/// starting the launcher, three services and Chromium once keeps the suite fast on 2 cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedProduct : ICollectionFixture<RunningTaskChat>
{
    public const string Name = "shared stack";
}

/// <summary>
/// A second stack for the tests that take a service down (the api held down, the web killed);
/// each of them first waits until the stack is whole again.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OutageProduct : ICollectionFixture<RunningTaskChat>
{
    public const string Name = "outage stack";
}
