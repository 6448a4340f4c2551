namespace TaskChat.Web.BrowserTests;

// The suite runs as two xunit collections, no more. Two run at a time (BrowserTest.cs), and xunit 2.9 starts the
// collections beyond two in an order one cannot set (each waits at a semaphore, first come, first served from the
// thread pool): with more than two, a long one can start last and run alone at the end (ci106: the shared stack's
// 1000 s of classes alone for the last 480 s of 1088; split into two collections of 500 s, the first try started one
// half last and it ran alone for 477 s). With two, both start at once and each runs its classes one after another:
// these two collections are the two lanes, balanced by the classes' durations in CI's trx (seconds of tests in the
// first and the second lane: ci105 1040 and 1008, ci106 809 and 759, a run at load 30-60 1206 and 1292; the second lane
// starts three more stacks than the first, about 30 s each). A class with a stack of its own (IClassFixture: xunit
// takes a class fixture before a collection fixture of the same type) still belongs to a lane; put a new class in the
// lane that was shorter in the last CI run's trx.

/// <summary>
/// One launched stack for every test that leaves it as it found it (each signs up its own user):
/// starting the launcher, three services and Chromium once keeps the suite fast on 2 cores. The first lane,
/// with the CSP's class on its own stack.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SharedProduct : ICollectionFixture<RunningTaskChat>
{
    public const string Name = "shared stack";
}

/// <summary>
/// A second stack for the tests that take a service down (the api held down, the web killed);
/// each of them first waits until the stack is whole again. The second lane: the classes with a stack of
/// their own (the tasks page's, the sessions', the faulty parse's, the outside MCP client's) run
/// here too, one after another with the outage tests, each on its own stack.
/// </summary>
[CollectionDefinition(Name)]
public sealed class OutageProduct : ICollectionFixture<RunningTaskChat>
{
    public const string Name = "outage stack";
}
