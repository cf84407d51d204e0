/// <reference path="./oidc-provider.d.ts" />
import type { ErrorOut, KoaContextWithOIDC } from "oidc-provider";

// The few pages oidc-provider renders itself (errors it cannot redirect, RP-initiated logout), in
// Tongban's words and without the library's default web-font import, which our CSP would block anyway.

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · 通办</title>
<style>
body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.7;color:#1f1f1f}
code{background:#f0f0f0;padding:0 .3rem;border-radius:3px}
button{font:inherit;padding:.5rem 1.25rem;margin:0 .5rem .5rem 0;min-height:44px;cursor:pointer}
a{color:#0b57d0}
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

/** The page shown when an authorization request cannot be sent back to the client (unknown client, wrong redirect URI). */
export function renderError(ctx: KoaContextWithOIDC, out: ErrorOut): void {
  ctx.type = "html";
  ctx.body = page(
    "登录请求无法完成",
    `<h1>登录请求无法完成</h1>
<p lang="en">The sign-in request could not be completed.</p>
<p>请返回您要使用的业务系统重新发起登录；如果问题持续，请联系该系统的主管部门。</p>
<p>错误代码 (error)：<code>${escapeHtml(out.error)}</code></p>
${out.error_description ? `<p lang="en">${escapeHtml(out.error_description)}</p>` : ""}
<p><a href="/">返回通办首页</a></p>`,
  );
}

/** RP-initiated logout: asks whether to sign out of the client systems (the form carries the provider's xsrf token). */
export function logoutSource(ctx: KoaContextWithOIDC, form: string): void {
  ctx.type = "html";
  ctx.body = page(
    "退出登录",
    `<h1>退出统一身份认证？</h1>
<p lang="en">Sign out of the systems you signed in to through Tongban?</p>
${form}
<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">退出登录 (Sign out)</button>
<button type="submit" form="op.logoutForm">保持登录 (Stay signed in)</button>`,
  );
}

/** Shown after a logout that named no return address. */
export function postLogoutSuccessSource(ctx: KoaContextWithOIDC): void {
  ctx.type = "html";
  ctx.body = page(
    "已退出",
    `<h1>您已退出业务系统的统一登录</h1>
<p lang="en">You have signed out of the client systems.</p>
<p><a href="/">返回通办首页</a></p>`,
  );
}
