/**
 * What the dispatcher and the parts every command shares print, in Japanese and English. A command's own texts are in
 * its folder; explanations of failures come from diagnose.
 */
import type { Localized } from '../../core/i18n.js';

export const CLI_TEXT = {
  help: {
    en: `Refresh Token Wizard (rtw) — get an OAuth2 refresh token for Microsoft 365 / Outlook.com mail
and write it to the INI file legacy senders (SMAIL, printers, business systems) read.

Usage:
  rtw <command> [options]      rtw help | --help      rtw --version
Every command takes --lang ja|en (default: from the OS locale).

Exit codes: 0 done · 1 unexpected · 2 usage or input · 3 sign-in refused · 4 network · 5 file · 6 timeout ·
7 redirect port · 8 token needs re-issuing · 9 file busy (another run) · 10 mail check failed ·
11 OS scheduler refused · 12 alert not delivered · 130 interrupted`,
    ja: `Refresh Token Wizard (rtw) — Microsoft 365 / Outlook.com のメール用 OAuth2 リフレッシュ トークンを取得し、
従来の送信プログラム (SMAIL、複合機、業務システム) が読む INI ファイルに書き込みます。

使い方:
  rtw <コマンド> [オプション]      rtw help | --help      rtw --version
すべてのコマンドで --lang ja|en を指定できます (既定: OS のロケール)。

終了コード: 0 完了 · 1 想定外のエラー · 2 使い方・入力 · 3 サインイン拒否 · 4 ネットワーク · 5 ファイル · 6 タイムアウト ·
7 リダイレクト ポート · 8 トークンの再発行が必要 · 9 ファイル使用中 (ほかの処理) · 10 メール チェック失敗 ·
11 OS のスケジューラが拒否 · 12 通知を送信できない · 130 中断`,
  },
  unknownCommand: {
    en: 'Unknown command "{command}". Run rtw --help.',
    ja: 'コマンド「{command}」はありません。rtw --help を実行してください。',
  },
  badOption: { en: '{message}. Run rtw --help.', ja: '{message}。rtw --help を実行してください。' },
  optionsWord: { en: '[options]', ja: '[オプション]' },
  notANumber: {
    en: '--{option} takes a whole number, not "{value}".',
    ja: '--{option} には整数を指定してください (「{value}」は使えません)。',
  },
  secretPrompt: {
    en: 'Client secret Value (input hidden): ',
    ja: 'クライアント シークレットの値 (入力は表示されません): ',
  },
} as const satisfies Record<string, Localized>;
