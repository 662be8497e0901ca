"""django-simple-history's HistoricalRecords, with each model's history manager class
built once.

simple-history's descriptor builds a new manager class (`Manager.from_queryset`, which
inspects every QuerySet method) each time `Model.history` or `instance.history` is read,
and it reads it for every history row a save writes: about 0.4 ms each time, 13,836
times in one run of the test suite. The class it builds never differs, so it is built
on first use and kept."""

from simple_history import manager, models


class HistoryDescriptor(manager.HistoryDescriptor):
    def __get__(self, instance, owner):
        built = self.__dict__.get("built")
        if built is None:
            built = self.built = self.manager_class.from_queryset(self.queryset_class)
        return built(self.model, instance)


class HistoricalRecords(models.HistoricalRecords):
    def finalize(self, sender, **kwargs):
        super().finalize(sender, **kwargs)
        descriptor = sender.__dict__.get(self.manager_name)
        if type(descriptor) is manager.HistoryDescriptor:
            setattr(
                sender,
                self.manager_name,
                HistoryDescriptor(
                    descriptor.model,
                    manager=descriptor.manager_class,
                    queryset=descriptor.queryset_class,
                ),
            )
