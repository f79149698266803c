// The shop's API: a health check and a placeholder for orders.
const http = require("http");
http.createServer((req, res) => {
    if (req.url === "/health") return res.end("ok");
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ orders: [] }));
}).listen(8080);
