namespace ValuePool.Simulation.Running;

/// <summary>Reported after each simulated day, for a progress bar.</summary>
public readonly record struct SimulationProgress(int DaysDone, int Days, long Orders);
