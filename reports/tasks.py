"""Long work, run by `manage.py db_worker` off the request (django-tasks backport; the
same code moves to django.tasks on Django 6)."""

from django_tasks import task

from reports.models import RenderedPaper


@task()
def render_paper(rendered_id: int) -> int:
    """Draw a queued paper as PDF and keep it; returns its number of pages."""
    from reports.services import paper_render

    rendered = RenderedPaper.objects.get(pk=rendered_id)
    return paper_render(rendered=rendered).pages or 0
