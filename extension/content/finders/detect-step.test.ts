// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadHtmlFixture } from '../testing/load-html-fixture.ts';
import { detectStep } from './detect-step.ts';

describe('detectStep', () => {
  it.each([
    ['account-info-en.html', { step: 'account-info', language: 'en' }],
    ['account-info-ja-no-headings.html', { step: 'account-info', language: 'ja' }],
    ['subscriptions-en.html', { step: 'subscriptions', language: 'en' }],
  ])('should recognise %s by its step button', (fixture, expected) => {
    loadHtmlFixture(fixture);
    expect(detectStep(document)).toEqual(expected);
  });

  it('should recognise Review and Confirmation, later steps first', () => {
    document.body.innerHTML = '<ol><li>Account info</li></ol><a href="#">編集</a><button>戻る</button><button>送信</button>';
    expect(detectStep(document)).toEqual({ step: 'review', language: 'ja' });
    document.body.innerHTML = '<p>admin@contoso.onmicrosoft.com</p><button>Done</button>';
    expect(detectStep(document)).toEqual({ step: 'confirmation', language: 'en' });
  });

  it('should do nothing on a page without the wizard, or with its buttons hidden', () => {
    document.body.innerHTML = '<h1>Customers</h1><a href="/create">Add customer</a>';
    expect(detectStep(document)).toBeNull();
    document.body.innerHTML = '<div hidden><button>Next: Subscriptions</button></div>';
    expect(detectStep(document)).toBeNull();
  });
});
