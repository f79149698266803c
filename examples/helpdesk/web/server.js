// The helpdesk front end: a page listing tickets, read from the API.
const http = require("http");
const api = process.env.API_URL || "http://localhost:8080";

http.createServer(async (req, res) => {
    if (req.url === "/healthz") return res.end("ok");
    let tickets = [];
    try {
        tickets = await (await fetch(`${api}/tickets`)).json();
    } catch {
        // The API is unreachable: show an empty list.
    }
    const rows = tickets.map((t) => `<li>[${t.priority}] ${t.subject}</li>`).join("");
    res.setHeader("content-type", "text/html");
    res.end(`<!doctype html><title>Helpdesk</title><h1>Tickets</h1><ul>${rows}</ul>`);
}).listen(3000);
