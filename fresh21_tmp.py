import time, django
django.setup()
from laurel.sanctions.services.screening import Subject, screen
subs=[Subject(f"p:{i}", "person", "person", n) for i,n in enumerate(["Anna Lindqvist","Marco Rossi","Pierre Dubois","Jan Novak"]*10)]
subs += [Subject(f"o:{i}", "laureate", "organisation", n) for i,n in enumerate(["ECPAT Sweden","Save the Children Italia"]*10)]
t=time.perf_counter(); screen(subs); print("round", time.perf_counter()-t)
