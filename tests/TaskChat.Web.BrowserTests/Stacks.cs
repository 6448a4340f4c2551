namespace TaskChat.Web.BrowserTests;

// The suite runs as three xunit collections, each on a stack of its own, all three at once (BrowserTest.cs): the three
// lanes. Not more collections than lanes: xunit 2.9 starts the collections beyond MaxParallelThreads in an order one
// cannot set (each waits at a semaphore, first come, first served from the thread pool), so a long one could start last
// and run alone at the end (ci106: the shared stack's 1000 s of classes alone for the last 480 s of 1088). The lanes are
// balanced by the classes' durations in CI's trx (ci141, two lanes: 933 s and 866 s of wall time; the same classes in
// three lanes add up to about 680, 590 and 650 s, each lane's stacks included at about 30 s each). A class with a stack
// of its own (IClassFixture: xunit takes a class fixture before a collection fixture of the same type) still belongs
// to a lane; put a new class in the lane that was shortest in the last CI run's trx.

/// <summary>
/// One launched stack for tests that leave it as they found it (each signs up its own user): starting the launcher,
/// three services and Chromium once for many classes keeps the suite fast on 2 cores. The first lane: the chat page,
/// the undo bar, reminders, mailed links, the add box.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedProduct : ICollectionFixture<RunningTaskChat>
{
    public const string Name = "shared stack";
}

/// <summary>
/// A stack for the tests that take a service down (the api held down, the web killed); each of them first waits until
/// the stack is whole again. The second lane: the classes with a stack of their own because they need other settings
/// (the sessions', the faulty parse's) or a stack no test takes down (the outside MCP client's) run here too, one after
/// another with the outage tests.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OutageProduct : ICollectionFixture<RunningTaskChat>
{
    public const string Name = "outage stack";
}

/// <summary>
/// A second stack like the first, for the third lane: the tasks page, the phone layout, accessibility, the CSP, the
/// account page, typing on a slow circuit.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SecondSharedProduct : ICollectionFixture<RunningTaskChat>
{
    public const string Name = "second shared stack";
}
