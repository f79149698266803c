// The helpdesk worker: takes new tickets off the queue and asks the LLM for a priority.
const { Pool } = require("pg");
const { createClient } = require("redis");

const db = new Pool({ connectionString: process.env.DATABASE_URL });
const queue = createClient({ url: process.env.REDIS_URL });

async function triage(text) {
    const res = await fetch(`${process.env.LLM_URL}chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${process.env.OPENAI_API_KEY || "gateway"}` },
        body: JSON.stringify({
            model: process.env.LLM_MODEL,
            messages: [
                { role: "system", content: "Answer with one word: urgent, normal or low." },
                { role: "user", content: text },
            ],
        }),
    });
    const answer = (await res.json()).choices?.[0]?.message?.content?.trim().toLowerCase();
    return ["urgent", "normal", "low"].includes(answer) ? answer : "normal";
}

async function main() {
    await queue.connect();
    for (;;) {
        const item = await queue.brPop("triage", 0);
        const { rows } = await db.query("SELECT text FROM tickets WHERE id = $1", [item.element]);
        if (rows.length === 0) continue;
        await db.query("UPDATE tickets SET priority = $1 WHERE id = $2", [await triage(rows[0].text), item.element]);
    }
}

main();
