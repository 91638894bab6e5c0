// CPU profiles of a running app, and what they say. Not part of `npm run bench`: run beside it.
//
//   node --experimental-websocket --import tsx bench/cpu-profile.ts take <pid> <seconds> <out.cpuprofile> [inspector port]
//   node --import tsx bench/cpu-profile.ts summary <file.cpuprofile> [rows]
//
// `take` opens the process's inspector (SIGUSR1, as `kill -USR1` does) and runs its sampling
// profiler for the given seconds. Start the apps with NODE_OPTIONS=--inspect-port=<port> so that
// two copies on one machine do not both ask for 9229 (an option that only matters once the
// inspector opens). `summary` sums self time by package or file, by function, and the total
// time under each of the busiest frames, as shares of the busy (non-idle) time.
import { writeFileSync, readFileSync } from "node:fs";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

async function take(pid: number, seconds: number, out: string, port: number) {
  process.kill(pid, "SIGUSR1");
  let url: string | undefined;
  for (let i = 0; i < 200 && !url; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const targets = await fetch(`http://127.0.0.1:${port}/json/list`).then(
      (r) => r.json() as Promise<{ webSocketDebuggerUrl: string }[]>,
      () => [],
    );
    url = targets[0]?.webSocketDebuggerUrl;
  }
  if (!url) throw new Error(`no inspector on port ${port} after SIGUSR1 to ${pid} (start it with NODE_OPTIONS=--inspect-port=${port})`);
  const socket = new WebSocket(url);
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  let nextId = 1;
  const pending = new Map<number, (result: unknown) => void>();
  socket.onmessage = (message) => {
    const data = JSON.parse(String(message.data)) as { id?: number; result?: unknown };
    if (data.id !== undefined) pending.get(data.id)?.(data.result);
  };
  const call = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await call("Profiler.enable");
  await call("Profiler.setSamplingInterval", { interval: 500 });
  await call("Profiler.start");
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const { profile } = (await call("Profiler.stop")) as { profile: Profile };
  await call("Profiler.disable");
  socket.close();
  writeFileSync(out, JSON.stringify(profile));
  console.log(`${out}: ${profile.samples.length} samples over ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s`);
}

/** The package a script belongs to (node_modules/<name>), else its file; "(program)", "(garbage collector)" and the like as they are. */
function placeOf(frame: CallFrame): string {
  if (!frame.url) return frame.functionName.startsWith("(") ? frame.functionName : "(native)";
  const url = frame.url.replace(/^file:\/\//, "");
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const rest = url.slice(modules + "node_modules/".length).split("/");
    const name = rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    // Next's own server bundles: which of them says more than "next".
    if (name === "next") return `next/${rest.slice(-1)[0]}`;
    return name ?? url;
  }
  if (url.startsWith("node:")) return url;
  // Turbopack's server chunks: keep the chunk's name, the packages in it show in the functions.
  return url.replace(/^.*\/(\.next[^/]*)\//, "$1/");
}

function summary(file: string, rows: number) {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id));
  let busy = 0;
  for (const [id, us] of selfUs) if (!idle.has(id)) busy += us;
  const wall = profile.endTime - profile.startTime;

  const sum = (key: (node: ProfileNode) => string) => {
    const totals = new Map<string, number>();
    for (const [id, us] of selfUs) {
      const node = byId.get(id);
      if (!node || idle.has(id)) continue;
      totals.set(key(node), (totals.get(key(node)) ?? 0) + us);
    }
    return [...totals].sort((a, b) => b[1] - a[1]).slice(0, rows);
  };
  // Total (inclusive) time per function: each sample counts once for every distinct frame on its stack.
  const inclusive = new Map<string, number>();
  for (const [id, us] of selfUs) {
    if (idle.has(id)) continue;
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = byId.get(at);
      if (!node) break;
      const key = `${node.callFrame.functionName || "(anonymous)"} ${placeOf(node.callFrame)}:${node.callFrame.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms`;
  console.log(`${file}: wall ${(wall / 1e6).toFixed(1)} s, busy ${(busy / 1e6).toFixed(2)} s (${((100 * busy) / wall).toFixed(0)}%)`);
  console.log("\nself time by package / file");
  for (const [key, us] of sum((node) => placeOf(node.callFrame))) console.log(`${pct(us)}  ${key}`);
  console.log("\nself time by function");
  for (const [key, us] of sum((node) => `${node.callFrame.functionName || "(anonymous)"} ${placeOf(node.callFrame)}:${node.callFrame.lineNumber + 1}`)) {
    console.log(`${pct(us)}  ${key}`);
  }
  console.log("\ntotal time by function (the frame and everything under it)");
  for (const [key, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, rows * 2)) console.log(`${pct(us)}  ${key}`);
}

const [command, ...rest] = process.argv.slice(2);
if (command === "take") await take(Number(rest[0]), Number(rest[1]), String(rest[2]), Number(rest[3] ?? 9229));
else if (command === "summary") summary(String(rest[0]), Number(rest[1] ?? 30));
else throw new Error("usage: cpu-profile.ts take <pid> <seconds> <out> [port] | summary <file> [rows]");
