/** Exchanges a partner's HS256 JWT (validated with jose, as Auth0's Custom Token Exchange guide does). */
const { jwtVerify, errors } = require('jose');

exports.onExecuteCustomTokenExchange = async (event, api) => {
  const secret = new TextEncoder().encode(event.secrets.PARTNER_SECRET);
  try {
    const { payload } = await jwtVerify(event.transaction.subject_token, secret, {
      issuer: 'https://partner.example.com',
      audience: 'https://api.example.com',
      algorithms: ['HS256'],
    });
    api.authentication.setUserById(`partner|${payload.sub}`);
  } catch (e) {
    if (e instanceof errors.JWTExpired) {
      api.access.rejectInvalidSubjectToken('subject token expired');
    } else if (e instanceof errors.JOSEError) {
      api.access.rejectInvalidSubjectToken(`subject token rejected: ${e.code}`);
    } else {
      throw e;
    }
  }
};
