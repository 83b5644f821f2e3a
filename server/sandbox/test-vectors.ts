/**
 * Published OAuth 1.0a HMAC-SHA1 test vectors. They include X's worked "Creating a signature"
 * example for both hosts, RFC 5849 sections 1.2 and 3.1, oauth.net's percent-encoding cases and
 * cases from client bug reports. RFC 5849 prints a wrong signature for section 3.1, so that vector
 * carries the corrected one. `body` is set only for application/x-www-form-urlencoded requests,
 * because that is the only body type that is signed.
 */
export interface PercentEncodingVector {
  input: string;
  expected: string;
  source: string;
}

export interface SignatureVector {
  name: string;
  source: string;
  method: string;
  url: string;
  body: string | null;
  consumerKey: string;
  consumerSecret: string;
  token: string | null;
  tokenSecret: string;
  oauthParams: Record<string, string>;
  expectedBaseString: string;
  expectedSignature: string;
}

export const PERCENT_ENCODING_VECTORS: readonly PercentEncodingVector[] = [
  { input: 'Ladies + Gentlemen', expected: 'Ladies%20%2B%20Gentlemen', source: 'X docs, Percent encoding parameters' },
  { input: 'An encoded string!', expected: 'An%20encoded%20string%21', source: 'X docs' },
  { input: 'Dogs, Cats & Mice', expected: 'Dogs%2C%20Cats%20%26%20Mice', source: 'X docs' },
  { input: '\u2603', expected: '%E2%98%83', source: 'X docs' },
  { input: 'abcABC123', expected: 'abcABC123', source: 'oauth.net TestCases' },
  { input: '-._~', expected: '-._~', source: 'oauth.net TestCases' },
  { input: '%', expected: '%25', source: 'oauth.net TestCases' },
  { input: '+', expected: '%2B', source: 'oauth.net TestCases' },
  { input: '&=*', expected: '%26%3D%2A', source: 'oauth.net TestCases' },
  { input: '\n', expected: '%0A', source: 'oauth.net TestCases' },
  { input: ' ', expected: '%20', source: 'oauth.net TestCases' },
  { input: '\u007f', expected: '%7F', source: 'oauth.net TestCases' },
  { input: '\u0080', expected: '%C2%80', source: 'oauth.net TestCases' },
  { input: '\u3001', expected: '%E3%80%81', source: 'oauth.net TestCases' },
  { input: "!*'()", expected: '%21%2A%27%28%29', source: 'RFC 3986 reserved sub-delims' },
];

export const SIGNATURE_VECTORS: readonly SignatureVector[] = [
  {
    name: 'x-docs-creating-a-signature-api.x.com',
    source: 'X docs, Creating a signature (current, api.x.com)',
    method: 'POST',
    url: 'https://api.x.com/1.1/statuses/update.json?include_entities=true',
    body: 'status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21',
    consumerKey: 'xvz1evFS4wEEPTGEFPHBog',
    consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
    token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
    tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
    oauthParams: {
      oauth_consumer_key: 'xvz1evFS4wEEPTGEFPHBog',
      oauth_nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
      oauth_signature_method: 'HMAC-SHA1',
      oauth_timestamp: '1318622958',
      oauth_token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
      oauth_version: '1.0',
    },
    expectedBaseString:
      'POST&https%3A%2F%2Fapi.x.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521',
    expectedSignature: 'Ls93hJiZbQ3akF3HF3x1Bz8/zU4=',
  },
  {
    name: 'x-docs-creating-a-signature-api.twitter.com',
    source: 'X docs, Creating a signature (developer.twitter.com era)',
    method: 'POST',
    url: 'https://api.twitter.com/1.1/statuses/update.json?include_entities=true',
    body: 'status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21',
    consumerKey: 'xvz1evFS4wEEPTGEFPHBog',
    consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
    token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
    tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
    oauthParams: {
      oauth_consumer_key: 'xvz1evFS4wEEPTGEFPHBog',
      oauth_nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
      oauth_signature_method: 'HMAC-SHA1',
      oauth_timestamp: '1318622958',
      oauth_token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
      oauth_version: '1.0',
    },
    expectedBaseString:
      'POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521',
    expectedSignature: 'hCtSmYh+iHYCEqBWrE7C7hYmtUk=',
  },
  {
    name: 'x-docs-authorizing-a-request-v1',
    source: 'X docs, Authorizing a request (api.twitter.com/1)',
    method: 'POST',
    url: 'https://api.twitter.com/1/statuses/update.json?include_entities=true',
    body: 'status=Hello%20Ladies%20%2B%20Gentlemen%2C%20a%20signed%20OAuth%20request%21',
    consumerKey: 'xvz1evFS4wEEPTGEFPHBog',
    consumerSecret: 'kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw',
    token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
    tokenSecret: 'LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE',
    oauthParams: {
      oauth_consumer_key: 'xvz1evFS4wEEPTGEFPHBog',
      oauth_nonce: 'kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg',
      oauth_signature_method: 'HMAC-SHA1',
      oauth_timestamp: '1318622958',
      oauth_token: '370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb',
      oauth_version: '1.0',
    },
    expectedBaseString:
      'POST&https%3A%2F%2Fapi.twitter.com%2F1%2Fstatuses%2Fupdate.json&include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521',
    expectedSignature: 'tnnArxj06cWHq44gCs1OSKk/jLY=',
  },
  {
    name: 'rfc5849-1.2-initiate',
    source: 'RFC 5849 section 1.2',
    method: 'POST',
    url: 'https://photos.example.net/initiate',
    body: null,
    consumerKey: 'dpf43f3p2l4k3l03',
    consumerSecret: 'kd94hf93k423kf44',
    token: null,
    tokenSecret: '',
    oauthParams: {
      oauth_consumer_key: 'dpf43f3p2l4k3l03',
      oauth_signature_method: 'HMAC-SHA1',
      oauth_timestamp: '137131200',
      oauth_nonce: 'wIjqoS',
      oauth_callback: 'http://printer.example.com/ready',
    },
    expectedBaseString:
      'POST&https%3A%2F%2Fphotos.example.net%2Finitiate&oauth_callback%3Dhttp%253A%252F%252Fprinter.example.com%252Fready%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DwIjqoS%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131200',
    expectedSignature: '74KNZJeDHnMBp0EMJ9ZHt/XKycU=',
  },
  {
    name: 'rfc5849-1.2-token',
    source: 'RFC 5849 section 1.2',
    method: 'POST',
    url: 'https://photos.example.net/token',
    body: null,
    consumerKey: 'dpf43f3p2l4k3l03',
    consumerSecret: 'kd94hf93k423kf44',
    token: 'hh5s93j4hdidpola',
    tokenSecret: 'hdhd0244k9j7ao03',
    oauthParams: {
      oauth_consumer_key: 'dpf43f3p2l4k3l03',
      oauth_signature_method: 'HMAC-SHA1',
      oauth_token: 'hh5s93j4hdidpola',
      oauth_timestamp: '137131201',
      oauth_nonce: 'walatlh',
      oauth_verifier: 'hfdp7dh39dks9884',
    },
    expectedBaseString:
      'POST&https%3A%2F%2Fphotos.example.net%2Ftoken&oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3Dwalatlh%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dhh5s93j4hdidpola%26oauth_verifier%3Dhfdp7dh39dks9884',
    expectedSignature: 'gKgrFCywp7rO0OXSjdot/IHF7IU=',
  },
  {
    name: 'rfc5849-1.2-photos',
    source: 'RFC 5849 section 1.2',
    method: 'GET',
    url: 'http://photos.example.net/photos?file=vacation.jpg&size=original',
    body: null,
    consumerKey: 'dpf43f3p2l4k3l03',
    consumerSecret: 'kd94hf93k423kf44',
    token: 'nnch734d00sl2jdk',
    tokenSecret: 'pfkkdhi9sl3r4s00',
    oauthParams: {
      oauth_consumer_key: 'dpf43f3p2l4k3l03',
      oauth_signature_method: 'HMAC-SHA1',
      oauth_token: 'nnch734d00sl2jdk',
      oauth_timestamp: '137131202',
      oauth_nonce: 'chapoH',
    },
    expectedBaseString:
      'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacation.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3DchapoH%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131202%26oauth_token%3Dnnch734d00sl2jdk%26size%3Doriginal',
    expectedSignature: 'MdpQcU8iPSUjWoN/UDMsK2sui9I=',
  },
  {
    name: 'rfc5849-3.1-corrected',
    source: 'RFC 5849 section 3.1 (the RFC prints bYT5CMsGcbgUdFHObYMEfcx6bsw=, which does not reproduce: erratum)',
    method: 'POST',
    url: 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b',
    body: 'c2&a3=2+q',
    consumerKey: '9djdj82h48djs9d2',
    consumerSecret: 'j49sk3j29djd',
    token: 'kkk9d7dh3k39sjv7',
    tokenSecret: 'dh893hdasih9',
    oauthParams: {
      oauth_consumer_key: '9djdj82h48djs9d2',
      oauth_token: 'kkk9d7dh3k39sjv7',
      oauth_signature_method: 'HMAC-SHA1',
      oauth_timestamp: '137131201',
      oauth_nonce: '7d8f3e4a',
    },
    expectedBaseString:
      'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7',
    expectedSignature: 'r6/TJjbCOr97/+UU0NsvSne7s5g=',
  },
  {
    name: 'twitter-legacy-request-token',
    source: 'old dev.twitter.com OAuth pages (as pinned in request/oauth-sign tests)',
    method: 'POST',
    url: 'https://api.twitter.com/oauth/request_token',
    body: null,
    consumerKey: 'GDdmIQH6jhtmLUypg82g',
    consumerSecret: 'MCD8BKwGdgPHvAuvgvz4EQpqDAtx89grbuNMRd7Eh98',
    token: null,
    tokenSecret: '',
    oauthParams: {
      oauth_consumer_key: 'GDdmIQH6jhtmLUypg82g',
      oauth_signature_method: 'HMAC-SHA1',
      oauth_version: '1.0',
      oauth_callback: 'http://localhost:3005/the_dance/process_callback?service_provider_id=11',
      oauth_nonce: 'QP70eNmVz8jvdPevU3oJD2AfF7R7odC2XJcn4XlZJqk',
      oauth_timestamp: '1272323042',
    },
    expectedBaseString:
      'POST&https%3A%2F%2Fapi.twitter.com%2Foauth%2Frequest_token&oauth_callback%3Dhttp%253A%252F%252Flocalhost%253A3005%252Fthe_dance%252Fprocess_callback%253Fservice_provider_id%253D11%26oauth_consumer_key%3DGDdmIQH6jhtmLUypg82g%26oauth_nonce%3DQP70eNmVz8jvdPevU3oJD2AfF7R7odC2XJcn4XlZJqk%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1272323042%26oauth_version%3D1.0',
    expectedSignature: '8wUi7m5HFQy76nowoCThusfgB+Q=',
  },
  {
    name: 'twitter-legacy-access-token',
    source: 'old dev.twitter.com OAuth pages (as pinned in request/oauth-sign tests)',
    method: 'POST',
    url: 'https://api.twitter.com/oauth/access_token',
    body: null,
    consumerKey: 'GDdmIQH6jhtmLUypg82g',
    consumerSecret: 'MCD8BKwGdgPHvAuvgvz4EQpqDAtx89grbuNMRd7Eh98',
    token: '8ldIZyxQeVrFZXFOZH5tAwj6vzJYuLQpl0WUEYtWc',
    tokenSecret: 'x6qpRnlEmW9JbQn4PQVVeVG8ZLPEx6A0TOebgwcuA',
    oauthParams: {
      oauth_consumer_key: 'GDdmIQH6jhtmLUypg82g',
      oauth_signature_method: 'HMAC-SHA1',
      oauth_version: '1.0',
      oauth_token: '8ldIZyxQeVrFZXFOZH5tAwj6vzJYuLQpl0WUEYtWc',
      oauth_nonce: '9zWH6qe0qG7Lc1telCn7FhUbLyVdjEaL3MO5uHxn8',
      oauth_timestamp: '1272323047',
      oauth_verifier: 'pDNg57prOHapMbhv25RNf75lVRd6JDsni1AJJIDYoTY',
    },
    expectedBaseString:
      'POST&https%3A%2F%2Fapi.twitter.com%2Foauth%2Faccess_token&oauth_consumer_key%3DGDdmIQH6jhtmLUypg82g%26oauth_nonce%3D9zWH6qe0qG7Lc1telCn7FhUbLyVdjEaL3MO5uHxn8%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1272323047%26oauth_token%3D8ldIZyxQeVrFZXFOZH5tAwj6vzJYuLQpl0WUEYtWc%26oauth_verifier%3DpDNg57prOHapMbhv25RNf75lVRd6JDsni1AJJIDYoTY%26oauth_version%3D1.0',
    expectedSignature: 'PUw/dHA4fnlJYM6RhXk5IU/0fCc=',
  },
  {
    name: 'twitter-legacy-non-ascii-status',
    source: 'old dev.twitter.com OAuth pages (as pinned in request/oauth-sign tests)',
    method: 'POST',
    url: 'http://api.twitter.com/1/statuses/update.json',
    body: 'status=setting%20up%20my%20twitter%20%E7%A7%81%E3%81%AE%E3%81%95%E3%81%88%E3%81%9A%E3%82%8A%E3%82%92%E8%A8%AD%E5%AE%9A%E3%81%99%E3%82%8B',
    consumerKey: 'GDdmIQH6jhtmLUypg82g',
    consumerSecret: 'MCD8BKwGdgPHvAuvgvz4EQpqDAtx89grbuNMRd7Eh98',
    token: '819797-Jxq8aYUDRmykzVKrgoLhXSq67TEa5ruc4GJC2rWimw',
    tokenSecret: 'J6zix3FfA9LofH0awS24M3HcBYXO5nI1iYe8EfBA',
    oauthParams: {
      oauth_consumer_key: 'GDdmIQH6jhtmLUypg82g',
      oauth_signature_method: 'HMAC-SHA1',
      oauth_version: '1.0',
      oauth_token: '819797-Jxq8aYUDRmykzVKrgoLhXSq67TEa5ruc4GJC2rWimw',
      oauth_nonce: 'oElnnMTQIZvqvlfXM56aBLAf5noGD0AQR3Fmi7Q6Y',
      oauth_timestamp: '1272325550',
    },
    expectedBaseString:
      'POST&http%3A%2F%2Fapi.twitter.com%2F1%2Fstatuses%2Fupdate.json&oauth_consumer_key%3DGDdmIQH6jhtmLUypg82g%26oauth_nonce%3DoElnnMTQIZvqvlfXM56aBLAf5noGD0AQR3Fmi7Q6Y%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1272325550%26oauth_token%3D819797-Jxq8aYUDRmykzVKrgoLhXSq67TEa5ruc4GJC2rWimw%26oauth_version%3D1.0%26status%3Dsetting%2520up%2520my%2520twitter%2520%25E7%25A7%2581%25E3%2581%25AE%25E3%2581%2595%25E3%2581%2588%25E3%2581%259A%25E3%2582%258A%25E3%2582%2592%25E8%25A8%25AD%25E5%25AE%259A%25E3%2581%2599%25E3%2582%258B',
    expectedSignature: 'yOahq5m0YjDDjfjxHaXEsW9D+X0=',
  },
  {
    name: 'pre-encoded-comma-in-query',
    source: 'postmanlabs/postman-app-support issue 8879 (path corrected)',
    method: 'GET',
    url: 'http://localhost:4567/fun?foo=first%2Csecond',
    body: null,
    consumerKey: 'a',
    consumerSecret: 'b',
    token: '123',
    tokenSecret: 'abc',
    oauthParams: {
      oauth_consumer_key: 'a',
      oauth_token: '123',
      oauth_signature_method: 'HMAC-SHA1',
      oauth_timestamp: '123',
      oauth_nonce: '3',
      oauth_version: '1.0',
    },
    expectedBaseString:
      'GET&http%3A%2F%2Flocalhost%3A4567%2Ffun&foo%3Dfirst%252Csecond%26oauth_consumer_key%3Da%26oauth_nonce%3D3%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D123%26oauth_token%3D123%26oauth_version%3D1.0',
    expectedSignature: 'cdQQuXon1opN/3wj5APnIF5NAMg=',
  },
  {
    name: 'repeated-query-keys',
    source: 'ddo/oauth-1.0a test/options/multiple_values_qs.js',
    method: 'GET',
    url: 'http://localhost:3737/rest/profiles?property=email&value=vel.arcu%40ultriciesornareelit.ca&property=visitdate&value=abc&alt=json',
    body: null,
    consumerKey: 'batch-8f4fd2c6-9fa3-4368-9797-52876d723dd1',
    consumerSecret: 'ZACXtYe6LQ4C5X0KbJcDkbW77GYtlaoU',
    token: null,
    tokenSecret: '',
    oauthParams: {
      oauth_consumer_key: 'batch-8f4fd2c6-9fa3-4368-9797-52876d723dd1',
      oauth_signature_method: 'HMAC-SHA1',
      oauth_timestamp: '1504882975',
      oauth_nonce: 'xsEYfvjTEiPTR3TqJbmhCpUdrDoHF6nk',
      oauth_version: '1.0',
    },
    expectedBaseString:
      'GET&http%3A%2F%2Flocalhost%3A3737%2Frest%2Fprofiles&alt%3Djson%26oauth_consumer_key%3Dbatch-8f4fd2c6-9fa3-4368-9797-52876d723dd1%26oauth_nonce%3DxsEYfvjTEiPTR3TqJbmhCpUdrDoHF6nk%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1504882975%26oauth_version%3D1.0%26property%3Demail%26property%3Dvisitdate%26value%3Dabc%26value%3Dvel.arcu%2540ultriciesornareelit.ca',
    expectedSignature: 'b6nMehqpHnpx0VlZB9IhqFh4Jq0=',
  },
];

/** Splits a vector's URL into the parts a server receives: scheme, Host header, raw path and raw query. */
export function splitVectorUrl(url: string): { scheme: string; host: string; path: string; rawQuery: string } {
  const match = /^([a-z]+):\/\/([^/]+)([^?]*)(?:\?(.*))?$/i.exec(url);
  if (!match) {
    throw new Error(`cannot split URL ${url}`);
  }

  return { scheme: match[1]!, host: match[2]!, path: match[3]!, rawQuery: match[4] ?? '' };
}
