// The shop's background worker: takes orders from a queue (here it just waits).
const queue = process.argv[process.argv.indexOf("--queue") + 1] || "orders";
console.log(`worker listening on queue ${queue}`);
setInterval(() => {}, 60_000);
