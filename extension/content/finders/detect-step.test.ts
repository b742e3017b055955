// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadHtmlFixture } from '../../../test/support/content/load-html-fixture.ts';
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

  it('should fall back to the stepper or a heading when the buttons read otherwise', () => {
    document.body.innerHTML = '<ol><li>Account info</li><li aria-current="step">Subscriptions</li><li>Review</li><li>Confirmation</li></ol><h2>Account info</h2><button>Next</button>';
    expect(detectStep(document)).toEqual({ step: 'subscriptions', language: 'en' });
    document.body.innerHTML = '<ol><li>アカウント情報</li><li>サブスクリプション</li><li>レビュー</li><li>確認</li></ol><h2>アカウント情報</h2><button>次へ</button>';
    expect(detectStep(document)).toEqual({ step: 'account-info', language: 'ja' });
  });

  it('should recognise a Confirmation worded unlike any we know by its admin account section', () => {
    document.body.innerHTML = `<h1>All set</h1><section><div><span>Sign-in name</span><span>admin@tailspin.onmicrosoft.com</span></div>
      <div><span>Temporary password</span><span>••••</span></div></section><button>Go to customer list</button>`;
    expect(detectStep(document)).toEqual({ step: 'confirmation', language: 'en' });
    document.body.innerHTML = '<div><div><span>サインイン名</span><span>••••</span><button>表示</button></div><div><span>一時パスワード</span></div></div><button>閉じる</button>';
    expect(detectStep(document)).toEqual({ step: 'confirmation', language: 'ja' });
    // A password label alone is some other page (a sign-in form, a profile).
    document.body.innerHTML = '<label for="p">Password</label><input id="p" type="password"><button>Sign in</button>';
    expect(detectStep(document)).toBeNull();
  });

  it('should not take another page with a step-like heading for the wizard', () => {
    document.body.innerHTML = '<h1>Contoso</h1><h2>Subscriptions</h2><button>Add subscription</button>';
    expect(detectStep(document)).toBeNull();
  });

  it('should do nothing on a page without the wizard, or with its buttons hidden', () => {
    document.body.innerHTML = '<h1>Customers</h1><a href="/create">Add customer</a>';
    expect(detectStep(document)).toBeNull();
    document.body.innerHTML = '<div hidden><button>Next: Subscriptions</button></div>';
    expect(detectStep(document)).toBeNull();
  });
});
