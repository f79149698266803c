/**
 * A build's archive as a gzipped tar (POSIX ustar, with a PAX header for names longer than 100
 * bytes), for builders that fetch a tarball rather than a zip (DigitalOcean's build job). The
 * archive is reproducible: entries in path order, owner 0, time 0, mode 0644, or 0755 for the
 * files listed as executable, so the execute bits need no restoring after unpacking.
 *
 * Used inside a Pulumi dynamic provider: it imports only Node's own modules.
 */
import * as fs from "fs";
import * as zlib from "zlib";

/** An entry of the archive: a file read at archive time, or a text. */
export type TarEntry = { kind: "file"; absolutePath: string } | { kind: "text"; text: string };

const BLOCK = 512;

/** The gzipped tar of `entries` (archive path -> content); the paths in `executables` get mode 0755. */
export function tarGz(entries: Record<string, TarEntry>, executables: ReadonlySet<string> = new Set()): Buffer {
    const parts: Buffer[] = [];
    for (const [name, entry] of Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const body = entry.kind === "file" ? fs.readFileSync(entry.absolutePath) : Buffer.from(entry.text, "utf8");
        if (Buffer.byteLength(name) > 100) {
            const record = paxRecord("path", name);
            parts.push(tarHeader("././@PaxHeader", record.length, 0o644, "x"), padded(record));
        }
        parts.push(tarHeader(Buffer.byteLength(name) > 100 ? name.slice(0, 100) : name, body.length, executables.has(name) ? 0o755 : 0o644, "0"), padded(body));
    }
    parts.push(Buffer.alloc(2 * BLOCK));
    return zlib.gzipSync(Buffer.concat(parts), { level: 9 });
}

/** A PAX record, `<length> <key>=<value>\n`, whose length counts its own digits. */
function paxRecord(key: string, value: string): Buffer {
    const rest = ` ${key}=${value}\n`;
    let length = Buffer.byteLength(rest) + 1;
    while (String(length).length + Buffer.byteLength(rest) !== length) length = String(length).length + Buffer.byteLength(rest);
    return Buffer.from(`${length}${rest}`, "utf8");
}

function tarHeader(name: string, size: number, mode: number, type: "0" | "x"): Buffer {
    const h = Buffer.alloc(BLOCK);
    const put = (text: string, offset: number, length: number) => h.write(text, offset, length, "utf8");
    put(name, 0, 100);
    put(`${mode.toString(8).padStart(7, "0")}\0`, 100, 8);
    put("0000000\0", 108, 8);
    put("0000000\0", 116, 8);
    put(`${size.toString(8).padStart(11, "0")}\0`, 124, 12);
    put("00000000000\0", 136, 12);
    put("        ", 148, 8);
    put(type, 156, 1);
    put("ustar\0", 257, 6);
    put("00", 263, 2);
    let sum = 0;
    for (const byte of h) sum += byte;
    put(`${sum.toString(8).padStart(6, "0")}\0 `, 148, 8);
    return h;
}

/** `data` padded with zeros to a whole number of blocks. */
function padded(data: Buffer): Buffer {
    const rest = data.length % BLOCK;
    return rest === 0 ? data : Buffer.concat([data, Buffer.alloc(BLOCK - rest)]);
}
