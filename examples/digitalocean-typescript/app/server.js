const http = require("http");
http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ status: "ok", env: process.env.NODE_ENV, hasApiKey: Boolean(process.env.API_KEY) }));
}).listen(8080);
