// The helpdesk API: tickets in PostgreSQL, new ones queued in Redis for the worker.
const http = require("http");
const { Pool } = require("pg");
const { createClient } = require("redis");

const db = new Pool({ connectionString: process.env.DATABASE_URL });
const queue = createClient({ url: process.env.REDIS_URL });
queue.connect();

async function body(req) {
    let data = "";
    for await (const chunk of req) data += chunk;
    return JSON.parse(data || "{}");
}

http.createServer(async (req, res) => {
    res.setHeader("content-type", "application/json");
    if (req.url === "/health") return res.end("{}");
    if (req.url === "/tickets" && req.method === "GET") {
        const { rows } = await db.query("SELECT id, subject, priority FROM tickets ORDER BY id DESC LIMIT 50");
        return res.end(JSON.stringify(rows));
    }
    if (req.url === "/tickets" && req.method === "POST") {
        const { subject, text } = await body(req);
        const { rows } = await db.query("INSERT INTO tickets (subject, text, priority) VALUES ($1, $2, 'new') RETURNING id", [subject, text]);
        await queue.lPush("triage", String(rows[0].id));
        res.statusCode = 201;
        return res.end(JSON.stringify(rows[0]));
    }
    res.statusCode = 404;
    res.end("{}");
}).listen(8080);
