const http = require("http");
http.createServer((req, res) => {
    if (req.url === "/health") return res.writeHead(200).end("ok");
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: "ok", database: Boolean(process.env.DATABASE_URL), cache: Boolean(process.env.REDIS_URL), hasApiKey: Boolean(process.env.API_KEY) }));
}).listen(Number(process.env.PORT ?? 8080));
