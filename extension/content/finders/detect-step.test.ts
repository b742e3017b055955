// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { loadHtmlFixture } from '../../../test/support/content/load-html-fixture.ts';
import { createStepDetector, detectStep } from './detect-step.ts';

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

  it('should recognise a Confirmation worded unlike any we know by its admin account section, right after Review', () => {
    const detect = createStepDetector();
    document.body.innerHTML = '<button>Submit</button>';
    expect(detect(document)).toEqual({ step: 'review', language: 'en' });
    document.body.innerHTML = `<h1>All set</h1><section><div><span>Sign-in name</span><span>admin@tailspin.onmicrosoft.com</span></div>
      <div><span>Temporary password</span><span>••••</span></div></section><button>Go to customer list</button>`;
    expect(detect(document)).toEqual({ step: 'confirmation', language: 'en' });
    document.body.innerHTML = '<div><div><span>サインイン名</span><span>••••</span><button>表示</button></div><div><span>一時パスワード</span></div></div><button>閉じる</button>';
    expect(detect(document)).toEqual({ step: 'confirmation', language: 'ja' });
    // A password label alone is some other page (a sign-in form, a profile).
    document.body.innerHTML = '<label for="p">Password</label><input id="p" type="password"><button>Sign in</button>';
    expect(detect(document)).toBeNull();
  });

  it('should not take an admin account section for the Confirmation on a page that did not come from Review', () => {
    document.body.innerHTML = '<div><div><span>Sign-in name</span><span>admin@tailspin.onmicrosoft.com</span></div><div><span>Temporary password</span></div></div>';
    expect(detectStep(document)).toBeNull();
    expect(createStepDetector()(document)).toBeNull();
  });

  it('should not take a user form (Users → Add user, reset password) for the Confirmation, even after Review', () => {
    const detect = createStepDetector();
    document.body.innerHTML = '<button>Submit</button>';
    detect(document);
    document.body.innerHTML = '<div><div><label>User name</label><input value="jane@contoso.onmicrosoft.com"></div><div><label>Password</label><input type="password"></div></div><button>Save</button>';
    expect(detect(document)).toBeNull();
    document.body.innerHTML = '<div><div><label>ユーザー名</label><input value="jane@contoso.onmicrosoft.com"></div><div><label>パスワード</label><input type="password"></div></div><button>保存</button>';
    expect(detect(document)).toBeNull();
  });

  it('should want the sign-in name label just above the password label, not below it', () => {
    const detect = createStepDetector();
    document.body.innerHTML = '<button>Submit</button>';
    detect(document);
    document.body.innerHTML = '<div><div><span>Temporary password</span></div><div><span>Sign-in name</span><span>admin@tailspin.onmicrosoft.com</span></div></div>';
    expect(detect(document)).toBeNull();
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
