import { describe, expect, it } from 'vitest';
import { redactUrl } from '../../server/plugins/auth';
import { startTestApp } from '../helpers/test-app';

// The request log keeps what a request was, not what a family typed or where it stands.

describe('redactUrl', () => {
  it.each([
    ['/api/offerings?q=Förderung%20für%20Lena&age=9', '/api/offerings?q=[redacted]&age=9'],
    ['/api/offerings?age=9&near=48.97,13.02&radius=10', '/api/offerings?age=9&near=[redacted]&radius=10'],
    ['/api/suggest?q=Nachh', '/api/suggest?q=[redacted]'],
    ['/konto/bestaetigen?token=abc#x', '/konto/bestaetigen?token=[redacted]#x'],
    ['/api/offerings?category=tutoring&region=09276', '/api/offerings?category=tutoring&region=09276'],
    ['/api/offerings?faq=1&quality=2', '/api/offerings?faq=1&quality=2'],
  ])('%s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});

describe('the request log of a search', () => {
  it('names the route and its filters but neither the words nor the position', async () => {
    let log = '';
    const t = await startTestApp({ env: { LOG_LEVEL: 'info' }, logStream: { write: (line: string) => (log += line) } });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/api/offerings?q=Geheimwortsuche&near=48.123456,13.654321&age=9' });
      expect(res.statusCode).toBe(200);
      expect(log).toContain('/api/offerings?q=[redacted]&near=[redacted]&age=9');
      expect(log).not.toContain('Geheimwortsuche');
      expect(log).not.toContain('48.123456');
    } finally {
      await t.close();
    }
  });
});
