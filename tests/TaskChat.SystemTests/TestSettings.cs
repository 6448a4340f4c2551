// Every test starts one or two .NET processes: run them one at a time so that a small, busy
// machine starts each within the tests' patience instead of all at once.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
