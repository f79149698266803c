/**
 * Progress of steps that take more than a moment, on a terminal only: one status line on stderr,
 * redrawn in place, cleared when done. Off the terminal it prints nothing.
 */
import { TextSink } from "./io";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

export interface Progress {
    set(text: string): void;
    done(): void;
}

export function progress(sink: TextSink, enabled: boolean): Progress {
    if (!enabled) return { set: () => undefined, done: () => undefined };
    let text = "";
    let frame = 0;
    const draw = () => sink.write(`\r\u001b[K${FRAMES[frame++ % FRAMES.length]} ${text}`);
    const timer = setInterval(draw, 100);
    timer.unref?.();
    return {
        set(t: string) {
            text = t;
            draw();
        },
        done() {
            clearInterval(timer);
            sink.write("\r\u001b[K");
        },
    };
}
