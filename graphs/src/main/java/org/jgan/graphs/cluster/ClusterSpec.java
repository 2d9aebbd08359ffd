package org.jgan.graphs.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.ClusterDef;
import org.tensorflow.proto.JobDef;

/**
 * A TensorFlow cluster read from a YAML file: each job a list of task addresses, task i at index i.
 *
 * <pre>
 * ps: [127.0.0.1:2222]
 * worker: [127.0.0.1:2223, 127.0.0.1:2224]
 * </pre>
 *
 * <p>Job {@value #WORKER} is required, {@value #PS} optional, no other job is known. The file is
 * checked whole when read; every error is one line naming the file and the field.
 */
public final class ClusterSpec {
  /** The parameter-server job: holds the variables. */
  public static final String PS = "ps";
  /** The worker job: runs the computation. */
  public static final String WORKER = "worker";
  private static final List<String> JOBS = List.of(PS, WORKER);

  private final Path file;
  private final Map<String, List<TaskAddress>> jobs;

  private ClusterSpec(Path file, Map<String, List<TaskAddress>> jobs) {
    this.file = file;
    this.jobs = jobs;
  }

  /**
   * Reads and checks a cluster file.
   *
   * @throws IllegalArgumentException naming the file and the field: missing file, not YAML, unknown
   *     or missing job, empty job, malformed or duplicate address
   * @throws IOException when the file cannot be read
   */
  public static ClusterSpec read(Path file) throws IOException {
    Object root = org.jgan.graphs.StrictYaml.load(file, "cluster file");
    if (!(root instanceof Map<?, ?> top)) {
      throw new IllegalArgumentException(file + ": expected a map of jobs to address lists, e.g. 'worker: [127.0.0.1:2223]'");
    }
    Map<String, List<TaskAddress>> jobs = new LinkedHashMap<>();
    Map<TaskAddress, String> seen = new HashMap<>();
    for (Map.Entry<?, ?> entry : top.entrySet()) {
      String job = String.valueOf(entry.getKey());
      if (!JOBS.contains(job)) {
        throw new IllegalArgumentException(file + ": unknown job '" + job + "' (known: " + String.join(", ", JOBS) + ")");
      }
      jobs.put(job, addresses(file, job, entry.getValue(), seen));
    }
    if (!jobs.containsKey(WORKER)) {
      throw new IllegalArgumentException(file + ": job '" + WORKER + "' is missing (at least one worker address)");
    }
    return new ClusterSpec(file, Map.copyOf(jobs));
  }

  private static List<TaskAddress> addresses(Path file, String job, Object value, Map<TaskAddress, String> seen) {
    if (!(value instanceof List<?> list)) {
      throw new IllegalArgumentException(file + ": " + job + ": expected a list of host:port addresses, got '" + value + "'");
    }
    if (list.isEmpty()) {
      throw new IllegalArgumentException(file + ": " + job + ": empty job (give at least one address)");
    }
    List<TaskAddress> addresses = new ArrayList<>();
    for (Object item : list) {
      String field = job + "[" + addresses.size() + "]";
      TaskAddress address;
      try {
        address = TaskAddress.parse(String.valueOf(item));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": " + field + ": " + e.getMessage());
      }
      String earlier = seen.putIfAbsent(address, field);
      if (earlier != null) {
        throw new IllegalArgumentException(file + ": " + field + ": duplicate address " + address + " (also " + earlier + ")");
      }
      addresses.add(address);
    }
    return List.copyOf(addresses);
  }

  /** The file this cluster was read from. */
  public Path file() {
    return file;
  }

  /** The number of tasks in {@code job}; 0 when the file has no such job. */
  public int taskCount(String job) {
    return jobs.getOrDefault(job, List.of()).size();
  }

  /**
   * The address of task {@code task} of {@code job}.
   *
   * @throws IllegalArgumentException naming the file when the job or the task is not in it
   */
  public TaskAddress address(String job, int task) {
    List<TaskAddress> tasks = jobs.get(job);
    if (tasks == null) {
      throw new IllegalArgumentException(file + ": no job '" + job + "' (jobs: " + String.join(", ", jobNames()) + ")");
    }
    if (task < 0 || task >= tasks.size()) {
      throw new IllegalArgumentException(file + ": task " + task + " out of range: job '" + job + "' has tasks 0.."
          + (tasks.size() - 1));
    }
    return tasks.get(task);
  }

  /** The jobs in the file, in a fixed order (ps before worker). */
  public List<String> jobNames() {
    return JOBS.stream().filter(jobs::containsKey).toList();
  }

  /** This cluster as TensorFlow's {@code ClusterDef}: one {@code JobDef} per job, task i at its address. */
  public ClusterDef toClusterDef() {
    ClusterDef.Builder cluster = ClusterDef.newBuilder();
    for (String job : jobNames()) {
      JobDef.Builder jobDef = JobDef.newBuilder().setName(job);
      List<TaskAddress> tasks = jobs.get(job);
      for (int i = 0; i < tasks.size(); i++) {
        jobDef.putTasks(i, tasks.get(i).toString());
      }
      cluster.addJob(jobDef);
    }
    return cluster.build();
  }
}
