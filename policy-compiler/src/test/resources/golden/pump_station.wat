(module
  (type (;0;) (func (param i32) (result i32)))
  (type (;1;) (func (param i64) (result i32)))
  (type (;2;) (func (param i64) (param i64) (result i64)))
  (type (;3;) (func (param i32) (param i64) (result i64)))
  (type (;4;) (func (param i64) (param i64) (result i32)))
  (type (;5;) (func (param i32) (param i32) (param i32)))
  (type (;6;) (func (param i64) (result i64)))
  (type (;7;) (func (param i64) (param i64) (param i64) (param i32)))
  (type (;8;) (func (result i32)))
  (func $ec_render (export "ec_render") (type 0) (param $in_len i32) (result i32)
    (local $p i32)
    (local $l i32)
    (local $t i32)
    (local $s i64)
    (local $board i64)
    (local $id i64)
    (local $zone i64)
    (local $fw i64)
    (local $start_mbar i64)
    (local $stop_mbar i64)
    (local $max_run i64)
    (local $soft_start i64)
    (local $dry_run_check i64)
    (local $log_level i64)
    i32.const 0
    global.set $err
    block
      local.get $in_len
      i32.const 64920
      i32.gt_u
      br_if 0
      i32.const 104
      local.tee $p
      local.get $in_len
      i32.add
      global.set $end
      block
        loop
          local.get $p
          global.get $end
          i32.ge_u
          br_if 1
          local.get $p
          i32.const 2
          i32.add
          global.get $end
          i32.gt_u
          br_if 2
          local.get $p
          i32.load8_u
          local.set $t
          local.get $p
          i32.load8_u offset=1
          local.set $l
          local.get $p
          i32.const 2
          i32.add
          local.tee $p
          i64.extend_i32_u
          local.get $l
          i64.extend_i32_u
          i64.const 32
          i64.shl
          i64.or
          local.set $s
          local.get $p
          local.get $l
          i32.add
          local.tee $p
          global.get $end
          i32.gt_u
          br_if 2
          local.get $t
          i32.const 1
          i32.eq
          if
            local.get $s
            local.set $board
          end
          local.get $t
          i32.const 2
          i32.eq
          if
            local.get $s
            local.set $id
          end
          local.get $t
          i32.const 3
          i32.eq
          if
            local.get $s
            local.set $zone
          end
          local.get $t
          i32.const 4
          i32.eq
          if
            local.get $s
            local.set $fw
          end
          br 0
        end
      end
      local.get $board
      i64.eqz
      local.get $id
      i64.eqz
      i32.or
      br_if 0
      local.get $fw
      call $fwok
      i32.eqz
      br_if 0
      i64.const 2000
      local.set $start_mbar
      i64.const 3500
      local.set $stop_mbar
      i64.const 1800000
      local.set $max_run
      i64.const 1
      local.set $dry_run_check
      i64.const 1
      local.set $log_level
      i64.const 51539607590
      i64.const 0
      call $num
      i64.const 0
      i64.gt_s
      if
        i64.const 1500
        i64.const 51539607590
        i64.const 0
        call $num
        i64.const 0
        call $max
        i64.const 30
        call $min
        i64.const 100
        call $mul
        call $add
        local.set $start_mbar
        i64.const 5000
        i64.const 55834574898
        i64.const 100
        call $num
        i64.const 0
        call $max
        i64.const 600
        call $min
        i64.const 5
        call $mul
        call $add
        local.set $stop_mbar
      end
      local.get $fw
      i64.const 21474836543
      call $fwcmp
      i32.const 0
      i32.ge_s
      if
        i64.const 3000
        local.set $soft_start
      end
      local.get $fw
      i64.const 21474836548
      call $fwcmp
      i32.const 0
      i32.lt_s
      if
        i32.const 0
        i64.extend_i32_u
        local.set $dry_run_check
        i64.const 3
        local.set $log_level
      end
      i32.const 5
      i64.const 21474836553
      call $find
      i64.const 0
      i64.ne
      if
        i64.const 30064771150
        i64.const 400
        call $num
        i64.const 100
        call $max
        i64.const 1200
        call $min
        i64.const 6000
        call $mul
        local.set $max_run
      end
      local.get $zone
      i64.const 30064771157
      call $streq
      if (result i32)
        local.get $fw
        i64.const 21474836572
        call $fwcmp
        i32.const 0
        i32.ge_s
      else
        i32.const 0
      end
      if
        i64.const 2
        local.set $log_level
      end
      local.get $start_mbar
      i64.const 500
      i64.const 6000
      i32.const 0
      call $chk
      local.get $stop_mbar
      i64.const 800
      i64.const 8000
      i32.const 1
      call $chk
      local.get $max_run
      i64.const 60000
      i64.const 14400000
      i32.const 2
      call $chk
      local.get $start_mbar
      i64.const 300
      call $add
      local.get $stop_mbar
      i64.le_s
      i32.eqz
      i32.const 0
      i32.const -3
      call $fail
      local.get $soft_start
      i64.const 0
      i64.eq
      if (result i32)
        i32.const 1
      else
        local.get $fw
        i64.const 21474836543
        call $fwcmp
        i32.const 0
        i32.ge_s
      end
      i32.eqz
      i32.const 1
      i32.const -3
      call $fail
      global.get $err
      if
        global.get $err
        return
      end
      i32.const 0
      i64.const 3940655164703557
      i64.store
      i32.const 0
      i64.const 22644496398
      i64.store offset=8
      i32.const 0
      i32.const -409371156
      i32.store offset=16
      i32.const 0
      local.get $start_mbar
      i64.store16 offset=20
      i32.const 0
      local.get $stop_mbar
      i64.store16 offset=22
      i32.const 0
      local.get $max_run
      i64.store32 offset=24
      i32.const 0
      local.get $soft_start
      i64.store32 offset=28
      i32.const 0
      local.get $dry_run_check
      i32.wrap_i64
      i64.extend_i32_u
      i64.store8 offset=32
      i32.const 0
      local.get $log_level
      i64.store8 offset=33
      i32.const 0
      call $crc
      i32.store offset=34
      i32.const 38
      return
    end
    i32.const -1
  )
  (func $ec_check (export "ec_check") (type 0) (param $len i32) (result i32)
    i32.const 0
    global.set $err
    local.get $len
    i32.const 38
    i32.ne
    i32.const 0
    i64.load
    i64.const 3940655164703557
    i64.ne
    i32.or
    i32.const 0
    i32.load offset=8
    i32.const 1169659918
    i32.ne
    i32.or
    i32.const 0
    i32.load offset=16
    i32.const -409371156
    i32.ne
    i32.or
    call $crc
    i32.const 0
    i32.load offset=34
    i32.ne
    i32.or
    if
      i32.const -5
      return
    end
    i32.const 0
    i64.load16_u offset=20
    i64.const 500
    i64.const 6000
    i32.const 0
    call $chk
    i32.const 0
    i64.load16_u offset=22
    i64.const 800
    i64.const 8000
    i32.const 1
    call $chk
    i32.const 0
    i64.load32_u offset=24
    i64.const 60000
    i64.const 14400000
    i32.const 2
    call $chk
    i32.const 0
    i64.load32_u offset=28
    i64.const 0
    i64.const 10000
    i32.const 3
    call $chk
    i32.const 0
    i64.load8_u offset=32
    i64.const 0
    i64.const 1
    i32.const 4
    call $chk
    i32.const 0
    i64.load8_u offset=33
    i64.const 0
    i64.const 3
    i32.const 5
    call $chk
    global.get $err
    i32.const 3
    i32.mul
  )
  (func $fwok (type 1) (param $s i64) (result i32)
    (local $i i32)
    (local $n i32)
    (local $digits i32)
    (local $dots i32)
    (local $c i32)
    local.get $s
    i64.const 32
    i64.shr_u
    i32.wrap_i64
    local.tee $n
    i32.eqz
    if
      i32.const 1
      return
    end
    block
      loop
        local.get $i
        local.get $n
        i32.ge_u
        br_if 1
        local.get $s
        i32.wrap_i64
        local.get $i
        i32.add
        i32.load8_u
        local.set $c
        local.get $c
        i32.const 46
        i32.eq
        if
          local.get $digits
          i32.const 1
          i32.sub
          i32.const 9
          i32.ge_u
          if
            i32.const 0
            return
          end
          local.get $dots
          i32.const 1
          i32.add
          local.set $dots
          i32.const 0
          local.set $digits
        else
          local.get $c
          i32.const 48
          i32.sub
          i32.const 10
          i32.ge_u
          if
            i32.const 0
            return
          end
          local.get $digits
          i32.const 1
          i32.add
          local.set $digits
        end
        local.get $i
        i32.const 1
        i32.add
        local.set $i
        br 0
      end
    end
    local.get $dots
    i32.const 2
    i32.eq
    local.get $digits
    i32.const 1
    i32.sub
    i32.const 9
    i32.lt_u
    i32.and
  )
  (func $num (type 2) (param $key i64) (param $default i64) (result i64)
    (local $r i64)
    i32.const 7
    local.get $key
    call $find
    local.tee $r
    i64.const 32
    i64.shr_u
    i64.const 8
    i64.eq
    if (result i64)
      local.get $r
      i32.wrap_i64
      i64.load
    else
      local.get $default
    end
  )
  (func $find (type 3) (param $tag i32) (param $key i64) (result i64)
    (local $p i32)
    (local $l i32)
    (local $kl i32)
    (local $r i64)
    local.get $key
    i64.const 32
    i64.shr_u
    i32.wrap_i64
    local.set $kl
    i32.const 104
    local.set $p
    block
      loop
        local.get $p
        global.get $end
        i32.ge_u
        br_if 1
        local.get $p
        i32.load8_u offset=1
        local.set $l
        local.get $p
        i32.load8_u
        local.get $tag
        i32.eq
        local.get $l
        local.get $kl
        i32.eq
        local.get $l
        local.get $kl
        i32.gt_u
        local.get $p
        local.get $kl
        i32.add
        i32.load8_u offset=2
        i32.eqz
        i32.and
        local.get $tag
        i32.const 5
        i32.eq
        select
        i32.and
        local.get $p
        i32.const 2
        i32.add
        i64.extend_i32_u
        local.get $key
        i64.const -4294967296
        i64.and
        i64.or
        local.get $key
        call $streq
        i32.and
        if
          local.get $p
          local.get $kl
          i32.add
          i32.const 3
          i32.add
          i64.extend_i32_u
          local.get $l
          local.get $kl
          i32.sub
          i32.const 1
          i32.sub
          i64.extend_i32_u
          i64.const 32
          i64.shl
          i64.or
          local.set $r
        end
        local.get $p
        local.get $l
        i32.add
        i32.const 2
        i32.add
        local.set $p
        br 0
      end
    end
    local.get $r
  )
  (func $streq (type 4) (param $a i64) (param $b i64) (result i32)
    (local $i i32)
    local.get $a
    local.get $b
    i64.xor
    i64.const -4294967296
    i64.and
    i64.eqz
    i32.eqz
    if
      i32.const 0
      return
    end
    loop
      local.get $i
      local.get $a
      i64.const 32
      i64.shr_u
      i32.wrap_i64
      i32.ge_u
      if
        i32.const 1
        return
      end
      local.get $a
      i32.wrap_i64
      local.get $i
      i32.add
      i32.load8_u
      local.get $b
      i32.wrap_i64
      local.get $i
      i32.add
      i32.load8_u
      i32.ne
      if
        i32.const 0
        return
      end
      local.get $i
      i32.const 1
      i32.add
      local.set $i
      br 0
    end
    unreachable
  )
  (func $max (type 2) (param $a i64) (param $b i64) (result i64)
    local.get $a
    local.get $b
    local.get $a
    local.get $b
    i64.gt_s
    select
  )
  (func $min (type 2) (param $a i64) (param $b i64) (result i64)
    local.get $a
    local.get $b
    local.get $a
    local.get $b
    i64.lt_s
    select
  )
  (func $mul (type 2) (param $a i64) (param $b i64) (result i64)
    (local $r i64)
    local.get $a
    local.get $b
    i64.mul
    local.set $r
    local.get $a
    i64.const -1
    i64.eq
    if (result i32)
      local.get $b
      i64.const -9223372036854775808
      i64.eq
    else
      local.get $a
      i64.eqz
      if (result i32)
        i32.const 0
      else
        local.get $r
        local.get $a
        i64.div_s
        local.get $b
        i64.ne
      end
    end
    i32.const 0
    i32.const -4
    call $fail
    local.get $r
  )
  (func $fail (type 5) (param $bad i32) (param $index i32) (param $code i32)
    global.get $err
    i32.eqz
    local.get $bad
    i32.and
    if
      local.get $code
      global.set $err
      i32.const 0
      local.get $index
      i32.store16
    end
  )
  (func $add (type 2) (param $a i64) (param $b i64) (result i64)
    (local $r i64)
    local.get $a
    local.get $b
    i64.add
    local.set $r
    local.get $a
    local.get $r
    i64.xor
    local.get $b
    local.get $r
    i64.xor
    i64.and
    i64.const 0
    i64.lt_s
    i32.const 0
    i32.const -4
    call $fail
    local.get $r
  )
  (func $fwcmp (type 4) (param $a i64) (param $b i64) (result i32)
    (local $x i64)
    (local $y i64)
    (local $k i32)
    i32.const 3
    local.set $k
    loop
      local.get $a
      call $vpart
      local.set $x
      local.get $b
      call $vpart
      local.set $y
      local.get $x
      local.get $y
      i64.ne
      if
        local.get $x
        local.get $y
        i64.gt_s
        local.get $x
        local.get $y
        i64.lt_s
        i32.sub
        return
      end
      local.get $a
      call $vrest
      local.set $a
      local.get $b
      call $vrest
      local.set $b
      local.get $k
      i32.const 1
      i32.sub
      local.tee $k
      br_if 0
    end
    i32.const 0
  )
  (func $vpart (type 6) (param $s i64) (result i64)
    (local $v i64)
    (local $i i32)
    (local $c i32)
    block
      loop
        local.get $i
        local.get $s
        i64.const 32
        i64.shr_u
        i32.wrap_i64
        i32.ge_u
        br_if 1
        local.get $s
        i32.wrap_i64
        local.get $i
        i32.add
        i32.load8_u
        local.tee $c
        i32.const 46
        i32.eq
        br_if 1
        local.get $v
        i64.const 10
        i64.mul
        local.get $c
        i32.const 48
        i32.sub
        i64.extend_i32_u
        i64.add
        local.set $v
        local.get $i
        i32.const 1
        i32.add
        local.set $i
        br 0
      end
    end
    local.get $v
  )
  (func $vrest (type 6) (param $s i64) (result i64)
    (local $i i32)
    (local $n i32)
    local.get $s
    i64.const 32
    i64.shr_u
    i32.wrap_i64
    local.set $n
    block
      loop
        local.get $i
        local.get $n
        i32.ge_u
        br_if 1
        local.get $s
        i32.wrap_i64
        local.get $i
        i32.add
        i32.load8_u
        local.get $i
        i32.const 1
        i32.add
        local.set $i
        i32.const 46
        i32.eq
        br_if 1
        br 0
      end
    end
    local.get $s
    i32.wrap_i64
    local.get $i
    i32.add
    i64.extend_i32_u
    local.get $n
    local.get $i
    i32.sub
    i64.extend_i32_u
    i64.const 32
    i64.shl
    i64.or
  )
  (func $chk (type 7) (param $v i64) (param $lo i64) (param $hi i64) (param $index i32)
    local.get $v
    local.get $lo
    i64.lt_s
    local.get $v
    local.get $hi
    i64.gt_s
    i32.or
    local.get $index
    i32.const -2
    call $fail
  )
  (func $crc (type 8) (result i32)
    (local $crc i32)
    (local $p i32)
    (local $k i32)
    i32.const -1
    local.set $crc
    block
      loop
        local.get $p
        i32.const 34
        i32.ge_u
        br_if 1
        local.get $crc
        local.get $p
        i32.load8_u
        i32.xor
        local.set $crc
        i32.const 8
        local.set $k
        loop
          local.get $crc
          i32.const 1
          i32.shr_u
          i32.const -2097792136
          i32.const 0
          local.get $crc
          i32.const 1
          i32.and
          i32.sub
          i32.and
          i32.xor
          local.set $crc
          local.get $k
          i32.const 1
          i32.sub
          local.tee $k
          br_if 0
        end
        local.get $p
        i32.const 1
        i32.add
        local.set $p
        br 0
      end
    end
    local.get $crc
    i32.const -1
    i32.xor
  )
  (memory (;0;) (export "memory") 1 1)
  (global $ec_abi (export "ec_abi") i32 (i32.const 1))
  (global $ec_in (export "ec_in") i32 (i32.const 104))
  (global $ec_in_cap (export "ec_in_cap") i32 (i32.const 64920))
  (global $ec_out (export "ec_out") i32 (i32.const 0))
  (global $ec_out_cap (export "ec_out_cap") i32 (i32.const 38))
  (global $end (mut i32) (i32.const 0))
  (global $err (mut i32) (i32.const 0))
  (data (i32.const 38) "well_depth_mpipe_length_m2.1.01.4.0solarpanel_worchard2.0.0")
  ;; custom section "edgeconf.meta"
)
