package io.omnireach.simulation;

/** Where a simulation is: queued, running (leads done / total), done, or failed with an error. */
public enum SimulationStatus {
  QUEUED,
  RUNNING,
  DONE,
  FAILED
}
