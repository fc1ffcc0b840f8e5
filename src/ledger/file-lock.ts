import { readFile, rm, stat, writeFile } from "node:fs/promises";

/** Another live process (or another ledger in this one) holds the data directory. */
export class LedgerLockedError extends Error {
  constructor(dataDir: string, detail: string) {
    super(
      `another Forecourt process uses ${dataDir}; use DATABASE_URL to share a ledger between ` +
        `instances (${detail})`,
    );
    this.name = "LedgerLockedError";
  }
}

/**
 * Lock files held by this process. A lock naming this process's pid that is not in here was left
 * by an earlier process that had the same pid: a container's entry process is pid 1 on every start.
 */
const heldByThisProcess = new Set<string>();

/** A lock file whose content cannot be read as a pid is taken as stale after this long. */
const UNREADABLE_LOCK_STALE_MS = 10_000;

/**
 * Takes the exclusive lock of a data directory: `lockPath` created with `wx` and holding this
 * process's pid. A lock whose pid is no longer alive is taken over. Holders are told apart by pid
 * only, so the lock works between processes of one host (or one container), not across hosts
 * sharing a network volume.
 */
export async function acquireDirLock(lockPath: string, dataDir: string): Promise<void> {
  if (heldByThisProcess.has(lockPath)) {
    throw new LedgerLockedError(dataDir, `this process already has it open; lock ${lockPath}`);
  }
  // A few rounds: a stale lock removed here may be taken by another process starting right now.
  for (let round = 0; round < 3; round++) {
    try {
      await writeFile(lockPath, `${process.pid}\n`, { flag: "wx" });
      heldByThisProcess.add(lockPath);
      return;
    } catch (error) {
      if (errorCode(error) !== "EEXIST") throw error;
    }
    const holder = await readHolder(lockPath);
    if (holder.kind === "gone") continue;
    if (holder.kind === "pid" && holderIsAlive(holder.pid)) {
      throw new LedgerLockedError(dataDir, `pid ${holder.pid} holds ${lockPath}`);
    }
    if (holder.kind === "unreadable" && Date.now() - holder.modifiedAt < UNREADABLE_LOCK_STALE_MS) {
      throw new LedgerLockedError(dataDir, `${lockPath} is being written`);
    }
    await rm(lockPath, { force: true });
  }
  throw new LedgerLockedError(dataDir, `${lockPath} keeps being taken`);
}

export async function releaseDirLock(lockPath: string): Promise<void> {
  heldByThisProcess.delete(lockPath);
  await rm(lockPath, { force: true });
}

type Holder =
  | { kind: "pid"; pid: number }
  | { kind: "unreadable"; modifiedAt: number }
  | { kind: "gone" };

async function readHolder(lockPath: string): Promise<Holder> {
  try {
    const [text, info] = await Promise.all([readFile(lockPath, "utf8"), stat(lockPath)]);
    const trimmed = text.trim();
    const pid = /^\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
    return Number.isSafeInteger(pid) && pid > 0
      ? { kind: "pid", pid }
      : { kind: "unreadable", modifiedAt: info.mtimeMs };
  } catch (error) {
    if (errorCode(error) === "ENOENT") return { kind: "gone" };
    throw error;
  }
}

function holderIsAlive(pid: number): boolean {
  // Our own pid, yet not held by us: an earlier process with the same pid left it.
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return errorCode(error) !== "ESRCH";
  }
}

export function errorCode(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "code" in error) {
    const { code } = error;
    return typeof code === "string" ? code : undefined;
  }
  return undefined;
}
