from laurel.api.tokens import log_read


class LogApiReads:
    """After each API call made with a token: an audit entry naming the token, the path and the
    status (never the data returned)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        token = getattr(request, "api_token", None)
        if token is not None:
            log_read(token, request.path, response.status_code)
        return response
