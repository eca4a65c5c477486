// Writes its secret in every form a script trivially produces: none of them may reach the record.
exports.onExecutePostLogin = async (event, api) => {
  const { API_KEY } = event.secrets;
  const bytes = Buffer.from(API_KEY);
  console.log('btoa', btoa(API_KEY));
  console.log('base64', bytes.toString('base64'));
  console.log('base64url', bytes.toString('base64url'));
  console.log('basic', 'Basic ' + btoa('client_id:' + API_KEY));
  console.log('basic', 'Basic ' + btoa('id:' + API_KEY));
  console.log('basic', 'Basic ' + btoa('c:' + API_KEY));
  console.log('hex', bytes.toString('hex'));
  console.log('HEX', bytes.toString('hex').toUpperCase());
  console.log('uri', 'https://partner.test/cb?k=' + encodeURIComponent(API_KEY));
  console.log('form', new URLSearchParams({ k: API_KEY, other: 'x' }).toString());
  console.log('json', JSON.stringify({ k: API_KEY }));
  console.log('json twice', JSON.stringify({ body: JSON.stringify({ k: API_KEY }) }));
  console.log('object', { k: API_KEY });
  console.log('reversed', API_KEY.split('').reverse().join(''));
  api.accessToken.setCustomClaim('https://example.com/b64', btoa(API_KEY));
  api.user.setAppMetadata(encodeURIComponent(API_KEY), { nested: [bytes.toString('hex'), JSON.stringify(API_KEY)] });
};
