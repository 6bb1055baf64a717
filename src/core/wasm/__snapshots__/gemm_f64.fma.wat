(module
  (type $t0 (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 f64 i32 i32 i32)))
  (type $t1 (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 f64 i32 i32 i32)))
  (import "env" "mem" (memory $env.mem 1 32768 shared))
  (func $gemm_f64 (export "gemm_f64") (type $t0) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $p4 i32) (param $p5 i32) (param $p6 i32) (param $p7 i32) (param $p8 i32) (param $p9 i32) (param $p10 f64) (param $p11 i32) (param $p12 i32) (param $p13 i32)
    (local $l14 i32) (local $l15 i32) (local $l16 i32) (local $l17 i32) (local $l18 i32) (local $l19 i32) (local $l20 i32) (local $l21 i32) (local $l22 i32) (local $l23 i32) (local $l24 i32) (local $l25 v128) (local $l26 v128) (local $l27 v128) (local $l28 v128) (local $l29 v128) (local $l30 v128) (local $l31 v128) (local $l32 v128) (local $l33 v128) (local $l34 v128) (local $l35 v128) (local $l36 v128)
    local.get $p10
    f64x2.splat
    local.set $l26
    local.get $p7
    local.set $l15
    block $B0
      local.get $l15
      local.get $p8
      i32.ge_s
      br_if $B0
      loop $L1
        local.get $l15
        local.get $p9
        i32.add
        local.set $l16
        local.get $l16
        local.get $p8
        i32.gt_s
        if $I2
          local.get $p8
          local.set $l16
        end
        local.get $p5
        local.set $l14
        block $B3
          local.get $l14
          local.get $p6
          i32.ge_s
          br_if $B3
          loop $L4
            local.get $p0
            local.get $l14
            i32.const 32
            i32.mul
            local.get $p4
            i32.mul
            i32.add
            local.set $l19
            local.get $l16
            local.set $l18
            local.get $p12
            if $I5
              local.get $l14
              i32.const 1
              i32.add
              i32.const 4
              i32.mul
              local.get $p13
              i32.add
              i32.const 3
              i32.add
              i32.const 4
              i32.div_s
              local.set $l18
              local.get $l18
              local.get $l16
              i32.gt_s
              if $I6
                local.get $l16
                local.set $l18
              end
            end
            local.get $l15
            local.set $l17
            block $B7
              local.get $l17
              local.get $l18
              i32.ge_s
              br_if $B7
              loop $L8
                v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                local.set $l29
                v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                local.set $l30
                v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                local.set $l31
                v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                local.set $l32
                v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                local.set $l33
                v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                local.set $l34
                v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                local.set $l35
                v128.const i32x4 0x00000000 0x00000000 0x00000000 0x00000000
                local.set $l36
                local.get $l19
                local.set $l20
                local.get $p1
                local.get $l17
                i32.const 32
                i32.mul
                local.get $p4
                i32.mul
                i32.add
                local.set $l21
                local.get $l20
                local.get $p4
                i32.const 32
                i32.mul
                i32.add
                local.set $l22
                block $B9
                  local.get $l20
                  local.get $l22
                  i32.ge_s
                  br_if $B9
                  loop $L10
                    local.get $l21
                    v128.load
                    local.set $l27
                    local.get $l21
                    v128.load offset=16
                    local.set $l28
                    local.get $l20
                    v128.load64_splat
                    local.set $l25
                    local.get $l25
                    local.get $l27
                    local.get $l29
                    f64x2.relaxed_madd
                    local.set $l29
                    local.get $l25
                    local.get $l28
                    local.get $l30
                    f64x2.relaxed_madd
                    local.set $l30
                    local.get $l20
                    v128.load64_splat offset=8
                    local.set $l25
                    local.get $l25
                    local.get $l27
                    local.get $l31
                    f64x2.relaxed_madd
                    local.set $l31
                    local.get $l25
                    local.get $l28
                    local.get $l32
                    f64x2.relaxed_madd
                    local.set $l32
                    local.get $l20
                    v128.load64_splat offset=16
                    local.set $l25
                    local.get $l25
                    local.get $l27
                    local.get $l33
                    f64x2.relaxed_madd
                    local.set $l33
                    local.get $l25
                    local.get $l28
                    local.get $l34
                    f64x2.relaxed_madd
                    local.set $l34
                    local.get $l20
                    v128.load64_splat offset=24
                    local.set $l25
                    local.get $l25
                    local.get $l27
                    local.get $l35
                    f64x2.relaxed_madd
                    local.set $l35
                    local.get $l25
                    local.get $l28
                    local.get $l36
                    f64x2.relaxed_madd
                    local.set $l36
                    local.get $l20
                    i32.const 32
                    i32.add
                    local.set $l20
                    local.get $l21
                    i32.const 32
                    i32.add
                    local.set $l21
                    local.get $l20
                    local.get $l22
                    i32.lt_s
                    br_if $L10
                  end
                end
                local.get $p2
                local.get $l14
                i32.const 4
                i32.mul
                local.get $p3
                i32.mul
                i32.add
                local.get $l17
                i32.const 32
                i32.mul
                i32.add
                local.set $l23
                local.get $p11
                if $I11
                  local.get $l23
                  local.set $l24
                  local.get $l24
                  local.get $l29
                  local.get $l26
                  f64x2.mul
                  local.get $l24
                  v128.load
                  f64x2.add
                  v128.store
                  local.get $l24
                  local.get $l30
                  local.get $l26
                  f64x2.mul
                  local.get $l24
                  v128.load offset=16
                  f64x2.add
                  v128.store offset=16
                  local.get $l24
                  local.get $p3
                  i32.add
                  local.set $l24
                  local.get $l24
                  local.get $l31
                  local.get $l26
                  f64x2.mul
                  local.get $l24
                  v128.load
                  f64x2.add
                  v128.store
                  local.get $l24
                  local.get $l32
                  local.get $l26
                  f64x2.mul
                  local.get $l24
                  v128.load offset=16
                  f64x2.add
                  v128.store offset=16
                  local.get $l24
                  local.get $p3
                  i32.add
                  local.set $l24
                  local.get $l24
                  local.get $l33
                  local.get $l26
                  f64x2.mul
                  local.get $l24
                  v128.load
                  f64x2.add
                  v128.store
                  local.get $l24
                  local.get $l34
                  local.get $l26
                  f64x2.mul
                  local.get $l24
                  v128.load offset=16
                  f64x2.add
                  v128.store offset=16
                  local.get $l24
                  local.get $p3
                  i32.add
                  local.set $l24
                  local.get $l24
                  local.get $l35
                  local.get $l26
                  f64x2.mul
                  local.get $l24
                  v128.load
                  f64x2.add
                  v128.store
                  local.get $l24
                  local.get $l36
                  local.get $l26
                  f64x2.mul
                  local.get $l24
                  v128.load offset=16
                  f64x2.add
                  v128.store offset=16
                else
                  local.get $l23
                  local.set $l24
                  local.get $l24
                  local.get $l29
                  local.get $l26
                  f64x2.mul
                  v128.store
                  local.get $l24
                  local.get $l30
                  local.get $l26
                  f64x2.mul
                  v128.store offset=16
                  local.get $l24
                  local.get $p3
                  i32.add
                  local.set $l24
                  local.get $l24
                  local.get $l31
                  local.get $l26
                  f64x2.mul
                  v128.store
                  local.get $l24
                  local.get $l32
                  local.get $l26
                  f64x2.mul
                  v128.store offset=16
                  local.get $l24
                  local.get $p3
                  i32.add
                  local.set $l24
                  local.get $l24
                  local.get $l33
                  local.get $l26
                  f64x2.mul
                  v128.store
                  local.get $l24
                  local.get $l34
                  local.get $l26
                  f64x2.mul
                  v128.store offset=16
                  local.get $l24
                  local.get $p3
                  i32.add
                  local.set $l24
                  local.get $l24
                  local.get $l35
                  local.get $l26
                  f64x2.mul
                  v128.store
                  local.get $l24
                  local.get $l36
                  local.get $l26
                  f64x2.mul
                  v128.store offset=16
                end
                local.get $l17
                i32.const 1
                i32.add
                local.set $l17
                local.get $l17
                local.get $l18
                i32.lt_s
                br_if $L8
              end
            end
            local.get $l14
            i32.const 1
            i32.add
            local.set $l14
            local.get $l14
            local.get $p6
            i32.lt_s
            br_if $L4
          end
        end
        local.get $l16
        local.set $l15
        local.get $l15
        i32.const 0
        i32.add
        local.set $l15
        local.get $l15
        local.get $p8
        i32.lt_s
        br_if $L1
      end
    end)
  (func $gemm_f64_dyn (export "gemm_f64_dyn") (type $t1) (param $p0 i32) (param $p1 i32) (param $p2 i32) (param $p3 i32) (param $p4 i32) (param $p5 i32) (param $p6 i32) (param $p7 i32) (param $p8 i32) (param $p9 i32) (param $p10 i32) (param $p11 i32) (param $p12 f64) (param $p13 i32) (param $p14 i32) (param $p15 i32)
    (local $l16 i32) (local $l17 i32)
    block $B0
      loop $L1
        local.get $p0
        i32.const 1
        i32.atomic.rmw.add
        local.get $p1
        i32.mul
        local.get $p7
        i32.add
        local.tee $l16
        local.get $p8
        i32.ge_s
        br_if $B0
        local.get $l16
        local.get $p1
        i32.add
        local.set $l17
        local.get $l17
        local.get $p8
        i32.gt_s
        if $I2
          local.get $p8
          local.set $l17
        end
        local.get $p2
        local.get $p3
        local.get $p4
        local.get $p5
        local.get $p6
        local.get $l16
        local.get $l17
        local.get $p9
        local.get $p10
        local.get $p11
        local.get $p12
        local.get $p13
        local.get $p14
        local.get $p15
        call $gemm_f64
        br $L1
      end
    end))
