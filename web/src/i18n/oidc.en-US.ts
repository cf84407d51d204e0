import type { Messages } from "./zh-CN.ts";

type Section = Messages["oidc"];

/** English messages of single sign-on (consent page and client systems), the `oidc` section of en-US.ts. */
export const oidcEnUS: Section = {
  consent: {
    title: "Sign in with Tongban",
    intro:
      "“{{client}}” of {{department}} asks to sign you in with your Tongban account and to receive the following.",
    introNoDepartment:
      "“{{client}}” asks to sign you in with your Tongban account and to receive the following.",
    account: "Signed in as {{name}}",
    scopesTitle: "What the system will receive",
    explicitChoice: "Also share my {{scope}}",
    notice:
      "If you agree, the system receives only what is listed above, to be used for the services concerned. You may decline; you then cannot sign in to it with your Tongban account.",
    approve: "Agree and sign in",
    deny: "Decline",
    expiredTitle: "This sign-in request is no longer valid",
    expiredBody:
      "The request does not exist, has expired or belongs to another account. Go back to the system you wanted to use and sign in again.",
  },
  scopes: {
    openid: {
      title: "Account identifier",
      description:
        "A number that stands for you so the system can recognise you; it contains none of your personal data.",
    },
    profile: {
      title: "Name",
      description: "Your name; for a company account, the company's name.",
    },
    realname: {
      title: "Real-name level and user type",
      description:
        "Whether and how far your identity has been verified, and whether you are a natural or a legal person.",
    },
    identifiers_masked: {
      title: "Partly hidden ID number",
      description:
        "Your citizen ID number or unified social credit code with the middle hidden, e.g. 110105********0016.",
    },
    identifiers: {
      title: "full ID number",
      description:
        "Your complete citizen ID number or unified social credit code. Shared only if you tick it.",
    },
    phone: {
      title: "Partly hidden mobile number",
      description: "For example 138****5678; never the full number.",
    },
  },
  admin: {
    navLink: "Single sign-on",
    title: "Single sign-on client systems",
    intro:
      "Register departments' business systems so that people and companies can sign in to them with their Tongban account (OpenID Connect). Each system may only ask for the data it was allowed when registered, and only with the person's consent.",
    discoveryUrl: "Discovery URL",
    issuer: "Issuer",
    flowLabel: "How to connect",
    flow: "Authorization code with PKCE (S256); confidential clients authenticate with client_secret_basic; ID tokens are signed with RS256.",
    register: "Register a client system",
    columns: {
      name: "System and client ID",
      department: "Department",
      redirectUris: "Redirect URIs",
      scopes: "Allowed scopes",
      type: "Type",
      status: "Status",
      actions: "Actions",
    },
    noDepartment: "Not specified",
    confidential: "Confidential (has a secret)",
    public: "Public (PKCE only)",
    enabled: "Enabled",
    disabled: "Disabled",
    edit: "Edit",
    editLabel: "Edit {{name}}",
    disable: "Disable",
    disableLabel: "Disable {{name}}",
    enable: "Enable",
    enableLabel: "Enable {{name}}",
    disableConfirm:
      "Once “{{name}}” is disabled it can no longer sign anyone in through Tongban, and the tokens it holds stop working. Disable it?",
    disabledOk: "“{{name}}” is disabled",
    enabledOk: "“{{name}}” is enabled",
    savedOk: "“{{name}}” is saved",
    empty: "No client systems registered yet",
    form: {
      registerTitle: "Register a client system",
      editTitle: "Edit “{{name}}”",
      name: "System name",
      namePlaceholder: "e.g. Wuxi real estate registration system",
      nameRequired: "Enter the system's name",
      department: "Department",
      departmentPlaceholder: "Choose the department responsible for the system",
      redirectUris: "Redirect URIs",
      redirectUrisHint:
        "One per line, exactly as the system sends them when it starts a sign-in; HTTPS unless on this machine.",
      redirectUrisRequired: "Enter at least one redirect URI",
      redirectUriInvalid: "Not a valid redirect URI: {{uri}}",
      scopes: "Scopes it may ask for",
      scopesHint:
        "The account identifier (openid) is always included. Allow the full ID number only where the service truly needs it; the person still has to tick it every time.",
      isPublic: "Public client (no secret, PKCE only)",
      isPublicHint:
        "For mobile or browser apps that cannot keep a secret; departments' back-office systems should be confidential clients.",
      submitRegister: "Register",
      submitEdit: "Save",
      cancel: "Cancel",
    },
    issued: {
      title: "“{{name}}” is registered",
      warning:
        "The client secret is shown this once. Copy it now and hand it to the system's owner securely; it cannot be shown again.",
      clientId: "Client ID (client_id)",
      clientSecret: "Client secret (client_secret)",
      noSecret: "A public client has no secret and must use PKCE.",
      authMethod: "Token endpoint authentication",
      done: "I have saved it",
    },
  },
};
