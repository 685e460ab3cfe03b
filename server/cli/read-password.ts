import type { ReadStream } from 'node:tty';

type Input = NodeJS.ReadStream | ReadStream;

/**
 * The password for a shell command: all of standard input when it is a pipe or file (one trailing line break
 * dropped), or typed twice at a terminal without echo.
 */
export async function readPassword(input: Input, prompt: NodeJS.WritableStream): Promise<string> {
  if (!input.isTTY) return readAll(input);
  const first = await askHidden(input, prompt, 'Password: ');
  const second = await askHidden(input, prompt, 'Repeat the password: ');
  if (first !== second) throw new Error('The two passwords differ; nothing was changed.');
  return first;
}

async function readAll(input: Input): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Reads one line in raw mode, so the terminal shows nothing of what is typed. */
function askHidden(input: Input, prompt: NodeJS.WritableStream, question: string): Promise<string> {
  prompt.write(question);
  const tty = input as ReadStream;
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error: Error | null) => {
      tty.setRawMode(false);
      tty.pause();
      tty.off('data', onData);
      prompt.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') return finish(null);
        if (char === '\u0003' || char === '\u0004') return finish(new Error('Cancelled; nothing was changed.'));
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    tty.setRawMode(true);
    tty.resume();
    tty.on('data', onData);
  });
}
