// Test support: a private PostgreSQL server from the system's packages (Debian's postgresql),
// initialised in a temporary directory on a free port, run as the postgres user when the tests
// run as root, and stopped and removed afterwards.
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PgServer {
  url: string;
  /** The postmaster's process id while it runs. */
  pid: number;
  stop(): void;
}

/** Where initdb and pg_ctl live: pg_config's bindir, Debian's newest /usr/lib/postgresql/N/bin, or PATH. */
export function postgresBinDir(): string | null {
  const config = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (config.status === 0 && existsSync(join(config.stdout.trim(), "initdb"))) return config.stdout.trim();
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian)
      .filter((v) => existsSync(join(debian, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(debian, versions[0], "bin");
  }
  const which = spawnSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" });
  return which.status === 0 ? join(which.stdout.trim(), "..") : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postgresUser(): { uid: number; gid: number } | null {
  const passwd = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((line) => line.startsWith("postgres:"));
  const fields = passwd?.split(":");
  return fields === undefined ? null : { uid: Number(fields[2]), gid: Number(fields[3]) };
}

export async function startPgServer(): Promise<PgServer> {
  const bin = postgresBinDir();
  if (bin === null) throw new Error("PostgreSQL is not installed (no initdb): install Debian's postgresql package.");
  const dir = mkdtempSync(join(tmpdir(), "deploylint-pg-"));
  const data = join(dir, "data");
  // PostgreSQL refuses to run as root: run it as the postgres user, owning the directory.
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? postgresUser() : null;
  if (asRoot && user === null) throw new Error("Running as root, but there is no postgres user to run the server as.");
  if (user !== null) chownSync(dir, user.uid, user.gid);
  const run = (command: string, args: string[]) => {
    const argv =
      user !== null ? ["runuser", ["-u", "postgres", "--", join(bin, command), ...args]] : [join(bin, command), args];
    const result = spawnSync(argv[0] as string, argv[1] as string[], { encoding: "utf8" });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr || result.stdout}`);
  };
  try {
    run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
    const port = await freePort();
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    run("pg_ctl", ["-D", data, "-o", options, "-l", join(dir, "server.log"), "-w", "start"]);
    const pid = Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n", 1)[0]);
    return {
      url: `postgres://postgres@127.0.0.1:${port}/postgres`,
      pid,
      stop() {
        try {
          run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
