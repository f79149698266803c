// The shop's front end: serves a page and a health check.
const http = require("http");
http.createServer((req, res) => {
    if (req.url === "/healthz") return res.end("ok");
    res.setHeader("content-type", "text/html");
    res.end(`<h1>Shop</h1><p>API: ${process.env.API_URL}</p>`);
}).listen(3000);
