/**
 * What the wizard service needs from its host: Electron in the app (electron/main/platform.ts), stand-ins in the
 * tests, the end-to-end harness and the benchmarks.
 */
import type { Lang } from '../core/i18n.js';
import type { MailEndpoint, StepTimeouts } from '../core/mail-check/index.js';
import type { Protocol } from '../core/providers/index.js';
import type { IdpNetworkClient, Transport } from '../core/transport/index.js';
import type { CommandRunner } from '../core/command-runner.js';
import type { Launcher } from '../core/schedule/index.js';
import type { Encryptor } from '../core/upkeep/index.js';
import type { ExternalPage, WizardEvent } from '../shared/contract.js';

/** Capabilities of the host: Electron in the app, stand-ins in tests. */
export interface Platform {
  chooseOutputFile(suggestedPath: string): Promise<string | undefined>;
  defaultOutputFile(): Promise<string>;
  showInFolder(path: string): Promise<void>;
  copyText(text: string): Promise<void>;
  openExternal(page: ExternalPage): Promise<void>;
  /**
   * Opens the verification URI the running device code session received from the identity provider (never one
   * from the renderer); the host refuses anything but https on a Microsoft host. Without it, `device-login`
   * opens the fixed page.
   */
  openDeviceLogin?(verificationUri: string): Promise<void>;
  /**
   * Opens the running sign-in's one-time start link (`http://localhost:<port>/start/<token>`) in the system
   * browser; `listener` is that sign-in's listener, so the host can refuse anything else.
   */
  openBrowser(url: string, listener: { port: number }): Promise<void>;
  /** The OS locale's language. */
  osLang(): Lang;
  /** The admin's saved choice, if any. */
  loadLangChoice(): Promise<Lang | undefined>;
  saveLangChoice(lang: Lang | undefined): Promise<void>;
  // Token upkeep. Optional so a host that only acquires (a benchmark, a leak test) needs none of them; a
  // missing one means: no dialog, no mailbox list, no remembered secrets, `rtw` from the PATH.
  /** The open dialog for an existing token file. */
  chooseTokenFile?(): Promise<string | undefined>;
  /** The app's own data folder (the mailbox registry lives there). */
  userDataDir?(): string;
  /** Encrypts remembered secrets for this OS user (Electron's safeStorage); undefined where nothing can. */
  encryptor?(): Encryptor | undefined;
  /** The OS tools, the account and how a schedule starts this app: for Keep alive and alerts. */
  keepAliveHost?(): KeepAliveHost;
}

/** What Keep alive and alerts need from the machine (Electron's process in the app; recorded tools in tests). */
export interface KeepAliveHost {
  /** Runs the OS tools (schtasks, launchctl, systemctl, crontab, eventcreate, logger). */
  run: CommandRunner;
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  home: string;
  user: string;
  uid: number;
  /** This machine's name, in every alert. */
  hostname: string;
  /** How webhooks are posted (the app: Chromium's network stack, with the system proxy and certificates). */
  transport: Transport;
  /** How a schedule starts this app (headless), with what the admin should know about it. */
  launcher(): Launcher;
}

/**
 * Where the token check logs in instead of the cloud's servers, and what it trusts: set by the host (the
 * end-to-end harness points it at the sandbox mail servers), never by the renderer, because the access token
 * is sent to whatever server the check connects to.
 */
export interface MailCheckOverrides {
  endpoints?: Partial<Record<Protocol, MailEndpoint>>;
  extraCaPem?: string;
  timeouts?: Partial<StepTimeouts>;
}

/** What the service needs. */
export interface WizardServiceDeps {
  platform: Platform;
  /** A network client per acquisition (each has its own failure record). */
  createNetworkClient(): IdpNetworkClient;
  emit(event: WizardEvent): void;
  mailCheck?: MailCheckOverrides;
  now?: () => Date;
}
