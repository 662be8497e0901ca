from kentplan import clock


def demo(request) -> dict:
    """Tells every page when the demo has fixed the date, so it can say so."""
    return {"demo_today": clock.today() if clock.is_fixed() else None}
