package org.jgan.tools.experiment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jgan.graphs.cluster.CellTask;
import org.jgan.graphs.cluster.ClusterSpec;

/**
 * The workers of a cluster file lent to sweep cells, one cell per worker at a time. A cell that
 * failed on a worker asks for another one; it gets none when every worker has failed it.
 */
final class ClusterWorkers {
  /** The most workers one cell is tried on: a cell that fails everywhere is a broken cell, not a broken worker. */
  static final int MAX_ATTEMPTS = 3;

  private final List<CellTask> workers;
  private final Set<CellTask> busy = new HashSet<>();

  ClusterWorkers(ClusterSpec cluster) {
    List<CellTask> tasks = new ArrayList<>();
    for (int i = 0; i < cluster.taskCount(ClusterSpec.WORKER); i++) {
      tasks.add(CellTask.of(cluster, ClusterSpec.WORKER, i));
    }
    this.workers = List.copyOf(tasks);
  }

  /** How many cells can run at once: one per worker. */
  int size() {
    return workers.size();
  }

  /** How many workers a cell is tried on before the sweep gives it up. */
  int attempts() {
    return Math.min(MAX_ATTEMPTS, workers.size());
  }

  /**
   * A free worker not in {@code tried}, waiting while every such worker is busy; {@code null} when
   * every worker is in {@code tried}.
   */
  synchronized CellTask acquire(Set<CellTask> tried) throws InterruptedException {
    while (true) {
      boolean untried = false;
      for (CellTask worker : workers) {
        if (tried.contains(worker)) {
          continue;
        }
        untried = true;
        if (busy.add(worker)) {
          return worker;
        }
      }
      if (!untried) {
        return null;
      }
      wait();
    }
  }

  /** Gives {@code worker} back for other cells. */
  synchronized void release(CellTask worker) {
    busy.remove(worker);
    notifyAll();
  }
}
