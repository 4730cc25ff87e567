// Checks the compiled template for what the deployment must close (issue 14, items 6 and 11): no
// basic-auth publishing (FTP and SCM), HTTPS only, TLS 1.2, no FTP; Storage, Azure OpenAI and Key
// Vault refuse every network but the app's subnet by default; the link signing key is a Key Vault
// reference read by the bot identity, never a plain app setting or a generated GUID.
//   node eng/bicep/check-hardening.mjs <compiled main.json>
import { readFileSync } from 'node:fs';

const template = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const problems = [];
const check = (ok, message) => { if (!ok) problems.push(message); };

// Every resource, in the main template and in the modules' nested templates (array or symbolic-name map).
const resources = [];
const walk = (tpl) => {
  const list = Array.isArray(tpl?.resources) ? tpl.resources : Object.values(tpl?.resources ?? {});
  for (const r of list) {
    // The module's variables travel with the resource: settings and role ids are often kept there.
    Object.defineProperty(r, 'moduleVariables', { value: tpl.variables ?? {}, enumerable: false });
    resources.push(r);
    if (r.type === 'Microsoft.Resources/deployments') walk(r.properties?.template);
  }
};
walk(template);
const ofType = (type) => resources.filter((r) => r.type?.toLowerCase() === type.toLowerCase());
const text = (value) => JSON.stringify(value ?? null);

const policies = ofType('Microsoft.Web/sites/basicPublishingCredentialsPolicies');
for (const kind of ['ftp', 'scm']) {
  const policy = policies.find((p) => text(p.name).includes(`'${kind}'`) || text(p.name).endsWith(`/${kind}"`));
  check(policy && policy.properties?.allow === false, `basic-auth publishing for ${kind} is not switched off (basicPublishingCredentialsPolicies/${kind} allow: false)`);
}

const [site] = ofType('Microsoft.Web/sites');
check(site, 'no App Service site');
if (site) {
  const config = site.properties?.siteConfig ?? {};
  check(site.properties?.httpsOnly === true, 'the site is not httpsOnly');
  check(config.ftpsState === 'Disabled', "siteConfig.ftpsState is not 'Disabled'");
  check(config.minTlsVersion === '1.2' && config.scmMinTlsVersion === '1.2', 'minimum TLS is not 1.2 for the site and SCM');
  check(text(site.properties?.keyVaultReferenceIdentity).includes('identityId'), 'Key Vault references are not resolved as the bot identity (keyVaultReferenceIdentity)');
  check(text(site.properties?.virtualNetworkSubnetId).includes('appSubnetId'), 'the site has no VNet integration (virtualNetworkSubnetId)');
  const settings = text(config.appSettings) + text(site.moduleVariables);
  check(settings.includes('Documents__SigningKeys__0__Key') && settings.includes('@Microsoft.KeyVault(SecretUri='), 'the signing key is not a Key Vault reference');
  check(!settings.includes("'Documents__SigningKey'") && !settings.includes('"Documents__SigningKey"'), 'the signing key is still a plain app setting (Documents__SigningKey)');
}

check(!text(template.parameters?.documentsSigningKey?.defaultValue).includes('newGuid'), 'the signing key defaults to a GUID, not 32 random bytes');
check(template.parameters?.restrictNetworkAccess?.defaultValue === true, 'restrictNetworkAccess is not a parameter defaulting to true');

for (const [type, what] of [['Microsoft.Storage/storageAccounts', 'Storage'], ['Microsoft.CognitiveServices/accounts', 'Azure OpenAI'], ['Microsoft.KeyVault/vaults', 'Key Vault']]) {
  const [account] = ofType(type);
  const acls = text(account?.properties?.networkAcls);
  check(account && acls.includes("'Deny'") && acls.includes('virtualNetworkRules'), `${what} does not refuse other networks when a subnet is given (networkAcls defaultAction Deny with the app's subnet)`);
}

const [vault] = ofType('Microsoft.KeyVault/vaults');
check(vault?.properties?.enableRbacAuthorization === true, 'Key Vault does not use RBAC');
check(ofType('Microsoft.Authorization/roleAssignments').some((a) => (text(a) + text(a.moduleVariables)).includes('4633458b-17de-408a-b874-0445c86b69e6')), 'the bot identity is not Key Vault Secrets User');
const [subnetHost] = ofType('Microsoft.Network/virtualNetworks');
const endpoints = text(subnetHost?.properties?.subnets);
for (const service of ['Microsoft.Storage', 'Microsoft.CognitiveServices', 'Microsoft.KeyVault']) {
  check(endpoints.includes(service), `the app subnet has no service endpoint for ${service}`);
}

if (problems.length) {
  console.error(problems.map((p) => `hardening: ${p}`).join('\n'));
  process.exit(1);
}
console.log(`the template closes what it does not use: ${resources.length} resources checked`);
