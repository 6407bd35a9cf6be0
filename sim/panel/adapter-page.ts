/**
 * The softphone page the console emulator frames, standing in for the Visualforce page of the
 * package (force-app/main/default/pages/CicSoftphone.page): it loads Open CTI from the console
 * that framed it, then the panel bundle. In Salesforce the page and `opencti_min.js` share the
 * Salesforce domain; here the console's origin comes from the `sfdcIframeOrigin` parameter the
 * console adds to the adapter URL, and only a plain http(s) origin on loopback is accepted.
 */
import { OPEN_CTI_API_VERSION } from '../../src/crm/open-cti/api.js';

export function adapterPage(language: string): string {
  const lang = language.replace(/[^a-z-]/gi, '') || 'en-us';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>CIC Softphone</title>
<style>html,body{margin:0;height:100%;font-family:system-ui,sans-serif}cic-softphone-app{display:block;height:100%}</style>
</head>
<body>
<cic-softphone-app language="${lang}"></cic-softphone-app>
<script type="module">
const origin = new URLSearchParams(location.search).get('sfdcIframeOrigin') ?? '';
if (!/^https?:\\/\\/(127\\.\\d+\\.\\d+\\.\\d+|localhost)(:\\d+)?$/.test(origin)) {
  document.body.textContent = 'This page must be opened by the Lightning console emulator.';
} else {
  const script = document.createElement('script');
  script.src = origin + '/support/api/${OPEN_CTI_API_VERSION}/lightning/opencti_min.js';
  script.onload = () => import('/softphone.js');
  document.head.append(script);
}
</script>
</body>
</html>
`;
}
