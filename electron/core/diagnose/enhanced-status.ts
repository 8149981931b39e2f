/**
 * SMTP enhanced status codes (`class.subject.detail`, RFC 3463) read by their parts, for a reply no catalogue entry
 * names: the class says whether to retry, the subject what kind of problem, the detail (when the IANA registry
 * "Simple Mail Transfer Protocol (SMTP) Enhanced Status Codes" lists it) what exactly. Texts follow RFC 3463 and the
 * registry's titles (RFC 4954 for the authentication details, RFC 5248, RFC 8689), in Japanese and English.
 * Provider-specific details (Exchange's 5.7.139, 5.5.127, 4.7.5xx…) are not registered: their entries say what
 * they mean, and a detail missing here is reported as not registered.
 */
import type { Localized } from '../i18n.js';
import { L } from './fragments.js';

/** An enhanced status code's parts. */
export interface EnhancedStatus {
  code: string;
  statusClass: 2 | 4 | 5;
  subject: number;
  detail: number;
}

/** The first enhanced status code in a reply (`535 5.7.8 …` → 5.7.8); the class must be 2, 4 or 5. */
export function findEnhancedStatus(reply: string): EnhancedStatus | undefined {
  const match = /(?<![\d.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.]*\d)/.exec(reply);
  if (match === null) return undefined;
  const [, c = '', s = '', d = ''] = match;
  return {
    code: `${c}.${s}.${d}`,
    statusClass: Number(c) as 2 | 4 | 5,
    subject: Number(s),
    detail: Number(d),
  };
}

/** RFC 3463 §3.1 classes. */
const CLASSES: Readonly<Record<2 | 4 | 5, Localized>> = {
  2: L('成功', 'Success'),
  4: L(
    '一時的な失敗 (後で再試行すると成功する可能性があります)',
    'Persistent transient failure (trying again later may succeed)',
  ),
  5: L(
    '恒久的な失敗 (同じ内容で再試行しても成功しません)',
    'Permanent failure (trying again unchanged will not succeed)',
  ),
};

/** What to do, by class. */
const CLASS_ADVICE: Readonly<Record<2 | 4 | 5, Localized>> = {
  2: L('対処は不要です。', 'Nothing to do.'),
  4: L(
    '一時的な問題です。しばらく待ってから、もう一度試します。',
    'A passing problem: wait a while and try again.',
  ),
  5: L(
    '再試行では解決しません。下の主題と詳細が示す原因を直してから、もう一度試します。',
    'Retrying will not help: fix the cause the subject and detail below point to, then try again.',
  ),
};

/** RFC 3463 §3.2 subjects. */
const SUBJECTS: Readonly<Record<number, Localized>> = {
  0: L('その他・未定義', 'Other or undefined status'),
  1: L('アドレス', 'Addressing status'),
  2: L('メールボックス', 'Mailbox status'),
  3: L('メール システム', 'Mail system status'),
  4: L('ネットワークと経路', 'Network and routing status'),
  5: L('メール配送プロトコル', 'Mail delivery protocol status'),
  6: L('メッセージの内容やメディア', 'Message content or media status'),
  7: L('セキュリティまたはポリシー', 'Security or policy status'),
};

/** Registered details (`subject.detail`), from RFC 3463 and the IANA registry; the ones a sender meets. */
const DETAILS: Readonly<Record<string, Localized>> = {
  '0.0': L('その他・未定義の状態', 'Other undefined status'),
  '1.0': L('その他のアドレスの状態', 'Other address status'),
  '1.1': L('宛先のメールボックス アドレスが正しくありません', 'Bad destination mailbox address'),
  '1.2': L('宛先のシステム アドレスが正しくありません', 'Bad destination system address'),
  '1.3': L('宛先のメールボックス アドレスの書式が正しくありません', 'Bad destination mailbox address syntax'),
  '1.4': L('宛先のメールボックス アドレスがあいまいです', 'Destination mailbox address ambiguous'),
  '1.6': L(
    '宛先のメールボックスは移動され、転送先がありません',
    'Destination mailbox has moved, no forwarding address',
  ),
  '1.7': L('差出人のメールボックス アドレスの書式が正しくありません', 'Bad sender’s mailbox address syntax'),
  '1.8': L('差出人のシステム アドレスが正しくありません', 'Bad sender’s system address'),
  '2.0': L('その他のメールボックスの状態', 'Other or undefined mailbox status'),
  '2.1': L(
    'メールボックスが無効で、メッセージを受け付けていません',
    'Mailbox disabled, not accepting messages',
  ),
  '2.2': L('メールボックスが一杯です', 'Mailbox full'),
  '2.3': L('メッセージの長さが管理上の上限を超えています', 'Message length exceeds administrative limit'),
  '2.4': L('メーリング リストの展開に問題があります', 'Mailing list expansion problem'),
  '3.0': L('その他のメール システムの状態', 'Other or undefined mail system status'),
  '3.1': L('メール システムが一杯です', 'Mail system full'),
  '3.2': L(
    'システムがネットワークからのメッセージを受け付けていません',
    'System not accepting network messages',
  ),
  '3.3': L('システムが要求された機能に対応していません', 'System not capable of selected features'),
  '3.4': L('メッセージがシステムにとって大きすぎます', 'Message too big for system'),
  '3.5': L('システムの設定が正しくありません', 'System incorrectly configured'),
  '4.0': L('その他のネットワークや経路の状態', 'Other or undefined network or routing status'),
  '4.1': L('相手のホストが応答しません', 'No answer from host'),
  '4.2': L('接続が正常ではありません', 'Bad connection'),
  '4.3': L('ディレクトリ サーバーの障害です', 'Directory server failure'),
  '4.4': L('経路を決定できません', 'Unable to route'),
  '4.5': L('メール システムが混雑しています', 'Mail system congestion'),
  '4.6': L('経路のループを検出しました', 'Routing loop detected'),
  '4.7': L('配送期限が過ぎました', 'Delivery time expired'),
  '5.0': L('その他のプロトコルの状態', 'Other or undefined protocol status'),
  '5.1': L('無効なコマンドです', 'Invalid command'),
  '5.2': L('構文エラーです', 'Syntax error'),
  '5.3': L('宛先が多すぎます', 'Too many recipients'),
  '5.4': L('コマンドの引数が正しくありません', 'Invalid command arguments'),
  '5.5': L('プロトコルのバージョンが違います', 'Wrong protocol version'),
  '5.6': L('認証のやり取りの行が長すぎます', 'Authentication Exchange line is too long'),
  '6.0': L('その他のメディアの状態', 'Other or undefined media error'),
  '7.0': L('その他のセキュリティの状態', 'Other or undefined security status'),
  '7.1': L('配送が許可されず、メッセージが拒否されました', 'Delivery not authorized, message refused'),
  '7.2': L('メーリング リストの展開が禁止されています', 'Mailing list expansion prohibited'),
  '7.3': L('セキュリティ変換が必要ですが行えません', 'Security conversion required but not possible'),
  '7.4': L('セキュリティ機能に対応していません', 'Security features not supported'),
  '7.5': L('暗号処理に失敗しました', 'Cryptographic failure'),
  '7.6': L('暗号アルゴリズムに対応していません', 'Cryptographic algorithm not supported'),
  '7.7': L('メッセージの完全性の確認に失敗しました', 'Message integrity failure'),
  '7.8': L('認証情報が正しくありません', 'Authentication credentials invalid'),
  '7.9': L('認証方式が弱すぎます', 'Authentication mechanism is too weak'),
  '7.10': L('暗号化が必要です', 'Encryption needed'),
  '7.11': L('この認証方式には暗号化が必要です', 'Encryption required for requested authentication mechanism'),
  '7.12': L('パスワードの移行が必要です', 'A password transition is needed'),
  '7.13': L('ユーザー アカウントが無効です', 'User account disabled'),
  '7.14': L('信頼関係が必要です', 'Trust relationship required'),
  '7.30': L('REQUIRETLS への対応が必要です', 'REQUIRETLS support required'),
};

/** The localized parts of an enhanced status code, for the fallback entry `smtp-enhanced-status`. */
export function describeEnhancedStatus(status: EnhancedStatus): {
  statusClass: Localized;
  statusSubject: Localized;
  statusDetail: Localized;
  classAdvice: Localized;
} {
  return {
    statusClass: CLASSES[status.statusClass],
    statusSubject: SUBJECTS[status.subject] ?? L('未登録の主題', 'Unregistered subject'),
    statusDetail:
      DETAILS[`${status.subject}.${status.detail}`] ??
      L(
        'この詳細コードは IANA の一覧にありません (サーバー独自のコード)',
        'This detail is not in the IANA registry (a server’s own code)',
      ),
    classAdvice: CLASS_ADVICE[status.statusClass],
  };
}

/** Every registered subject.detail this module describes (the troubleshooting doc lists them). */
export const DESCRIBED_DETAILS: readonly string[] = Object.keys(DETAILS);

/** The subject names, for the doc. */
export function subjectName(subject: number): Localized | undefined {
  return SUBJECTS[subject];
}

/** The detail name, for the doc. */
export function detailName(key: string): Localized | undefined {
  return DETAILS[key];
}
