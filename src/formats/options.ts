import type { AgentsConfig, Channel, CsvConfig, DateOrder, Role } from '../types.js'

/**
 * Input formats. `json` is the canonical format (and, for `.json` files, the
 * entry point that recognises helpdesk and Slack exports by their shape).
 */
export type InputFormat = 'json' | 'jsonl' | 'text' | 'whatsapp' | 'email' | 'helpdesk' | 'slack' | 'csv'
export const INPUT_FORMATS: readonly InputFormat[] = ['json', 'jsonl', 'text', 'whatsapp', 'email', 'helpdesk', 'slack', 'csv']

/** A Slack user as found in an export's users.json. */
export interface SlackUser {
  id: string
  name?: string
  real_name?: string
  display_name?: string
  email?: string
  is_bot?: boolean
}

export interface ReadOptions {
  /** File name (used for fallback conversation ids and format detection). */
  name: string
  /** Channel for inputs that do not state one. */
  channel?: Channel
  /** Speaker names or prefixes per role, for plain-text logs, WhatsApp, Slack and CSV authors. */
  roles?: Partial<Record<Role, string[]>>
  /** Support addresses and domains: e-mail senders (and helpdesk/Slack users with an e-mail) on the agent side. */
  agents?: AgentsConfig
  /** IANA time zone for exports whose times carry no offset (WhatsApp, some CSVs); default UTC. */
  timeZone?: string
  /** Date order for WhatsApp exports when the file itself cannot tell. */
  dateOrder?: DateOrder
  /** Column mapping for CSV files. */
  csv?: CsvConfig
  /** Slack export context: users (from users.json) and the channel's name, set by the folder/zip walker. */
  slack?: { users?: Record<string, SlackUser>; channel?: string }
  /** Force a format instead of detecting it. */
  format?: InputFormat
}
