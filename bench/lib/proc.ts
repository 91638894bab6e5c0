// The apps' processes seen through /proc (Linux): resident memory, and CPU time used. A Next
// server may fork workers, so an app's figure is the sum over its process and every descendant.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** Named groups of root process ids ("storefront" -> [pid]); each root counts with its descendants. */
export type ProcessGroups = Record<string, number[]>;

interface ProcessInfo {
  pid: number;
  ppid: number;
}

function readProcesses(): ProcessInfo[] {
  const processes: ProcessInfo[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      processes.push({ pid: Number(entry), ppid });
    } catch {
      // The process ended while we looked.
    }
  }
  return processes;
}

function descendantsOf(root: number, processes: ProcessInfo[]): number[] {
  const found = [root];
  for (let i = 0; i < found.length; i++) {
    for (const p of processes) if (p.ppid === found[i]) found.push(p.pid);
  }
  return found;
}

/** The direct children of `pid` with their working directory and command line. */
export function childrenOf(pid: number): { pid: number; cwd: string; cmdline: string }[] {
  return readProcesses()
    .filter((p) => p.ppid === pid)
    .flatMap((p) => {
      try {
        return [{ pid: p.pid, cwd: readlinkSync(`/proc/${p.pid}/cwd`), cmdline: readFileSync(`/proc/${p.pid}/cmdline`, "utf8").replaceAll("\0", " ") }];
      } catch {
        return [];
      }
    });
}

/** A field of /proc/<pid>/status in MB (VmRSS now, VmHWM the peak so far); 0 once the process is gone. */
function statusMb(pid: number, field: "VmRSS" | "VmHWM"): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

export interface MemoryFigures {
  /** Sum of each process's own peak (VmHWM): an upper bound of the group's peak. */
  peakMb: number;
  /** The largest sum of current RSS seen by the sampler. */
  sampledPeakMb: number;
  processes: number;
}

/**
 * Samples every group's summed RSS while the benchmark runs and, at the end, reads each
 * process's own high-water mark.
 */
export function startMemorySampler(groups: () => ProcessGroups, intervalMs = 250) {
  const sampled = new Map<string, number>();
  const seen = new Map<string, Set<number>>();
  const sample = () => {
    const processes = readProcesses();
    for (const [name, roots] of Object.entries(groups())) {
      const pids = roots.flatMap((root) => descendantsOf(root, processes));
      const pidSet = seen.get(name) ?? new Set<number>();
      for (const pid of pids) pidSet.add(pid);
      seen.set(name, pidSet);
      const rss = pids.reduce((sum, pid) => sum + statusMb(pid, "VmRSS"), 0);
      sampled.set(name, Math.max(sampled.get(name) ?? 0, rss));
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    stop(): Record<string, MemoryFigures> {
      clearInterval(timer);
      sample();
      const figures: Record<string, MemoryFigures> = {};
      for (const [name, pids] of seen) {
        figures[name] = {
          peakMb: Math.round([...pids].reduce((sum, pid) => sum + statusMb(pid, "VmHWM"), 0)),
          sampledPeakMb: Math.round(sampled.get(name) ?? 0),
          processes: pids.size,
        };
      }
      return figures;
    },
  };
}

/** Kernel clock ticks per second (USER_HZ): 100 on every Linux this runs on. */
const TICKS_PER_SECOND = 100;

/** CPU time (user + system) a process has used, in ms; null once it is gone. */
export function cpuMsOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after "pid (comm) ".
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/**
 * Returns a reader of the CPU time (ms) each group has used so far, processes and descendants.
 * A process that exits (a pooled database connection closed when idle) keeps counting with what
 * it had used when last read, so a group's figure never goes down; read it often.
 */
export function createCpuTracker() {
  const lastMs = new Map<number, number>();
  const members = new Map<string, Set<number>>();
  return (groups: ProcessGroups): Record<string, number> => {
    const processes = readProcesses();
    for (const [name, roots] of Object.entries(groups)) {
      const pids = members.get(name) ?? new Set<number>();
      members.set(name, pids);
      for (const pid of roots.flatMap((root) => descendantsOf(root, processes))) {
        pids.add(pid);
        const ms = cpuMsOf(pid);
        if (ms !== null) lastMs.set(pid, ms);
      }
    }
    return Object.fromEntries([...members].map(([name, pids]) => [name, [...pids].reduce((sum, pid) => sum + (lastMs.get(pid) ?? 0), 0)]));
  };
}
