// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readConfirmation } from './read-confirmation.ts';

describe('readConfirmation', () => {
  it('should read the admin user next to its label and never the password', () => {
    document.body.innerHTML = `
      <p>Send these to the customer. Contact: it@contoso.example</p>
      <div><span>Admin user account</span><span>admin@contoso.onmicrosoft.com</span><button>Copy</button></div>
      <div><span>Password</span><span>Abc@defg.onmicrosoft.com1</span><button>Copy</button></div>
      <button>Done</button>`;
    expect(readConfirmation(document)).toEqual({ sure: true, adminUserName: 'admin@contoso.onmicrosoft.com', domain: 'contoso.onmicrosoft.com' });
  });

  it('should read a read-only input holding the user name, in Japanese', () => {
    document.body.innerHTML = '<label for="u">管理者ユーザー アカウント</label><input id="u" readonly value="admin@fabrikam.onmicrosoft.com"><button>完了</button>';
    expect(readConfirmation(document)).toMatchObject({ sure: true, domain: 'fabrikam.onmicrosoft.com' });
  });

  it('should read the name under another wording of its label', () => {
    document.body.innerHTML = '<div><span>Sign-in name</span><span>admin@tailspin.onmicrosoft.com</span></div><div><span>Temporary password</span><span>x</span></div>';
    expect(readConfirmation(document)).toMatchObject({ sure: true, adminUserName: 'admin@tailspin.onmicrosoft.com' });
  });

  it('should be unsure, and keep nothing, when the only sign-in name is next to the password label', () => {
    document.body.innerHTML = '<div><span>Password</span><span>Abc@defg.onmicrosoft.com1</span></div><button>Done</button>';
    expect(readConfirmation(document)).toEqual({ sure: false, reason: 'no-user' });
  });

  it('should be unsure when the user name is masked behind a Show button', () => {
    document.body.innerHTML = '<div><span>管理者ユーザー アカウント</span><span>••••••••</span><button>表示</button></div><div><span>パスワード</span><span>••••</span></div>';
    expect(readConfirmation(document)).toEqual({ sure: false, reason: 'user-hidden' });
  });

  it('should find nothing on a page without a new sign-in name', () => {
    document.body.innerHTML = '<p>ana@contoso.example</p>';
    expect(readConfirmation(document)).toEqual({ sure: false, reason: 'no-user' });
  });
});
