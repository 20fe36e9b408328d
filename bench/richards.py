# richards: an object-oriented task scheduler in the style of Richards' benchmark:
# task control blocks, packets passed between an idle task, a worker, two handlers
# and two devices, with polymorphic run methods and state flags.
# scale: default=250 smoke=2
import sys

I_IDLE = 0
I_WORK = 1
I_HANDLERA = 2
I_HANDLERB = 3
I_DEVA = 4
I_DEVB = 5

K_DEV = 1000
K_WORK = 1001

BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        nxt = p.link
        while nxt is not None:
            p = nxt
            nxt = p.link
        p.link = self
        return lst


class TaskState:
    def __init__(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False

    def packet_pending_state(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False
        return self

    def waiting(self):
        self.packet_pending = False
        self.task_waiting = True
        self.task_holding = False
        return self

    def running(self):
        self.packet_pending = False
        self.task_waiting = False
        self.task_holding = False
        return self

    def waiting_with_packet(self):
        self.packet_pending = True
        self.task_waiting = True
        self.task_holding = False
        return self

    def is_held_or_suspended(self):
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    def is_waiting_with_packet(self):
        return self.packet_pending and self.task_waiting and not self.task_holding


class Scheduler:
    def __init__(self):
        self.tasks = [None] * 6
        self.task_list = None
        self.current = None
        self.current_id = 0
        self.hold_count = 0
        self.qpkt_count = 0
        self.layout = 0

    def add(self, task):
        task.link = self.task_list
        self.task_list = task
        self.tasks[task.ident] = task

    def find(self, ident):
        t = self.tasks[ident]
        if t is None:
            raise ValueError(f"bad task id {ident}")
        return t

    def schedule(self):
        t = self.task_list
        while t is not None:
            if t.state.is_held_or_suspended():
                t = t.link
            else:
                self.current_id = t.ident
                self.current = t
                t = t.run_task()

    def release(self, ident):
        t = self.find(ident)
        t.state.task_holding = False
        if t.priority > self.current.priority:
            return t
        return self.current

    def hold_self(self):
        self.hold_count += 1
        self.current.state.task_holding = True
        return self.current.link

    def wait(self):
        self.current.state.task_waiting = True
        return self.current

    def queue(self, packet):
        t = self.find(packet.ident)
        self.qpkt_count += 1
        packet.link = None
        packet.ident = self.current_id
        return t.add_packet(packet, self.current)


class Task:
    def __init__(self, sched, ident, priority, work, state):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.input = work
        self.state = state
        self.link = None
        sched.add(self)

    def add_packet(self, packet, old):
        if self.input is None:
            self.input = packet
            self.state.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            self.input = packet.append_to(self.input)
        return old

    def run_task(self):
        if self.state.is_waiting_with_packet():
            msg = self.input
            self.input = msg.link
            if self.input is None:
                self.state.running()
            else:
                self.state.packet_pending_state()
        else:
            msg = None
        return self.fn(msg)


class DeviceTask(Task):
    def __init__(self, sched, ident, priority, work, state):
        Task.__init__(self, sched, ident, priority, work, state)
        self.pending = None

    def fn(self, packet):
        s = self.sched
        if packet is None:
            packet = self.pending
            if packet is None:
                return s.wait()
            self.pending = None
            return s.queue(packet)
        self.pending = packet
        return s.hold_self()


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, work, state):
        Task.__init__(self, sched, ident, priority, work, state)
        self.work_in = None
        self.device_in = None

    def fn(self, packet):
        s = self.sched
        if packet is not None:
            if packet.kind == K_WORK:
                self.work_in = packet.append_to(self.work_in)
            else:
                self.device_in = packet.append_to(self.device_in)
        if self.work_in is not None:
            work = self.work_in
            count = work.datum
            if count < BUFSIZE:
                if self.device_in is not None:
                    dev = self.device_in
                    self.device_in = dev.link
                    dev.datum = work.data[count]
                    work.datum = count + 1
                    return s.queue(dev)
            else:
                self.work_in = work.link
                return s.queue(work)
        return s.wait()


class IdleTask(Task):
    def __init__(self, sched, ident, priority, work, state, count):
        Task.__init__(self, sched, ident, priority, work, state)
        self.control = 1
        self.count = count

    def fn(self, packet):
        s = self.sched
        self.count -= 1
        if self.count == 0:
            return s.hold_self()
        if self.control & 1 == 0:
            self.control = self.control // 2
            return s.release(I_DEVA)
        self.control = (self.control // 2) ^ 0xD008
        return s.release(I_DEVB)


class WorkTask(Task):
    def __init__(self, sched, ident, priority, work, state):
        Task.__init__(self, sched, ident, priority, work, state)
        self.destination = I_HANDLERA
        self.count = 0

    def fn(self, packet):
        s = self.sched
        if packet is None:
            return s.wait()
        if self.destination == I_HANDLERA:
            self.destination = I_HANDLERB
        else:
            self.destination = I_HANDLERA
        packet.ident = self.destination
        packet.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = ord("A") + self.count - 1
        return s.queue(packet)


def run_once(count):
    s = Scheduler()
    IdleTask(s, I_IDLE, 1, None, TaskState().running(), count)

    wkq = Packet(None, 0, K_WORK)
    wkq = Packet(wkq, 0, K_WORK)
    WorkTask(s, I_WORK, 1000, wkq, TaskState().waiting_with_packet())

    wkq = Packet(None, I_DEVA, K_DEV)
    wkq = Packet(wkq, I_DEVA, K_DEV)
    wkq = Packet(wkq, I_DEVA, K_DEV)
    HandlerTask(s, I_HANDLERA, 2000, wkq, TaskState().waiting_with_packet())

    wkq = Packet(None, I_DEVB, K_DEV)
    wkq = Packet(wkq, I_DEVB, K_DEV)
    wkq = Packet(wkq, I_DEVB, K_DEV)
    HandlerTask(s, I_HANDLERB, 3000, wkq, TaskState().waiting_with_packet())

    DeviceTask(s, I_DEVA, 4000, None, TaskState().waiting())
    DeviceTask(s, I_DEVB, 5000, None, TaskState().waiting())

    s.schedule()
    return s.qpkt_count, s.hold_count


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 250
    total_q = 0
    total_h = 0
    for i in range(n):
        q, h = run_once(1000 + 100 * (i % 10))
        total_q += q
        total_h += h
    q, h = run_once(10000)
    print(f"single run: qpkt={q} hold={h}")
    print(f"{n} runs: qpkt={total_q} hold={total_h}")


main()
